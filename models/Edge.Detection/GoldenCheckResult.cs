namespace Edge.Detection;

/// <summary>What the canary check found: whether every expected tensor matched, the worst difference and the near-ties seen.</summary>
/// <param name="Passed">Every compared element was within the manifest's tolerance (<see cref="Float32Parity"/>).</param>
/// <param name="WorstDifference">Largest absolute difference over all compared elements.</param>
/// <param name="WorstShare">Largest difference as a share of its allowance (tolerance + tolerance x |expected|); at most 1 when passed.</param>
/// <param name="ComparedTensors">How many expected tensors were compared.</param>
/// <param name="NearTies">Latent cells whose nearest code differed from libtorch's at a near-tie (accepted, not compared).</param>
/// <param name="Failure">The first element out of tolerance (graph, output, index, values), or null when passed.</param>
/// <param name="Elapsed">Time of one whole detection on the golden input, after the check (for latency budgets).</param>
public sealed record GoldenCheckResult(
    bool Passed, double WorstDifference, double WorstShare, int ComparedTensors, int NearTies, string? Failure, TimeSpan Elapsed);
