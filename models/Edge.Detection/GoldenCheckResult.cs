namespace Edge.Detection;

/// <summary>What the canary check found: whether every expected tensor matched, and the worst difference seen.</summary>
/// <param name="Passed">Every compared element was within the manifest's tolerance.</param>
/// <param name="WorstDifference">Largest absolute difference over all compared elements.</param>
/// <param name="ComparedTensors">How many expected tensors were compared.</param>
/// <param name="Failure">The first element out of tolerance (graph, output, index, values), or null when passed.</param>
/// <param name="Elapsed">Time of one whole detection on the golden input, after the check (for latency budgets).</param>
public sealed record GoldenCheckResult(bool Passed, double WorstDifference, int ComparedTensors, string? Failure, TimeSpan Elapsed);
