namespace Edge.Detection;

/// <summary>
/// Compares tensors that libtorch computed (expected) with ONNX Runtime's (actual) under <see cref="Float32Parity"/>,
/// keeps the first failure, the worst difference and the near-ties it accepted. Used by <see cref="GoldenCheck"/>, which
/// is both the export's parity check and the device's canary.
/// </summary>
public sealed class GoldenComparison(double tolerance)
{
    public double Tolerance { get; } = tolerance;

    /// <summary>Largest absolute difference over the compared elements (near-tied cells left out).</summary>
    public double WorstDifference { get; private set; }

    /// <summary>Largest difference as a share of its allowance, t + t |expected|: at most 1 while passing.</summary>
    public double WorstShare { get; private set; }

    public int Compared { get; private set; }

    /// <summary>Latent cells whose nearest code differed between the runtimes at a near-tie, and so were accepted.</summary>
    public int NearTies { get; private set; }

    public string? Failure { get; private set; }

    /// <summary>Element by element.</summary>
    public void Compare(string what, ReadOnlySpan<float> expected, ReadOnlySpan<float> actual)
    {
        if (!SameLength(what, expected, actual))
        {
            return;
        }
        for (var i = 0; i < expected.Length; i++)
        {
            Element(what, i, expected[i], actual[i]);
        }
    }

    /// <summary>
    /// A codebook's quantized latents (NCHW, batch 1, <paramref name="dim"/> channels) for the latent grid both
    /// runtimes were given. A cell may hold another code than expected only where that is a near-tie: the two codes'
    /// squared distances to the latent (in double precision) are within the tolerance of each other. Such a cell is
    /// counted in <see cref="NearTies"/>, not compared; any other difference fails, naming the tensor and element.
    /// </summary>
    public void CompareNearestCode(string what, ReadOnlySpan<float> latent, ReadOnlySpan<float> expected, ReadOnlySpan<float> actual, int dim)
    {
        if (!SameLength(what, expected, actual))
        {
            return;
        }
        if (latent.Length != expected.Length || dim <= 0 || expected.Length % dim != 0)
        {
            Fail($"{what}: {expected.Length} values do not fit a latent grid of {latent.Length} values with {dim} channels");
            return;
        }
        var cells = expected.Length / dim;
        for (var cell = 0; cell < cells; cell++)
        {
            var firstDifferent = -1;
            for (var i = cell; i < expected.Length; i += cells)
            {
                if (!Float32Parity.Close(actual[i], expected[i], Tolerance))
                {
                    firstDifferent = i;
                    break;
                }
            }
            if (firstDifferent >= 0)
            {
                var expectedDistance = LatentDistances.ToGridVector(latent, expected, cells, cell);
                var actualDistance = LatentDistances.ToGridVector(latent, actual, cells, cell);
                if (LatentDistances.IsNearTie(Math.Min(expectedDistance, actualDistance), Math.Max(expectedDistance, actualDistance), Tolerance))
                {
                    NearTies++;
                    continue;
                }
                Fail($"{what}[{firstDifferent}] is {actual[firstDifferent]:R}, expected {expected[firstDifferent]:R}: another nearest code, " +
                    $"at squared distance {actualDistance:G9} against {expectedDistance:G9}, which is no near-tie (tolerance {Tolerance})");
            }
            for (var i = cell; i < expected.Length; i += cells)
            {
                Element(what, i, expected[i], actual[i]);
            }
        }
    }

    public void Fail(string message) => Failure ??= message;

    private bool SameLength(string what, ReadOnlySpan<float> expected, ReadOnlySpan<float> actual)
    {
        Compared++;
        if (expected.Length == actual.Length)
        {
            return true;
        }
        Fail($"{what}: expected {expected.Length} values, the graph gave {actual.Length}");
        return false;
    }

    private void Element(string what, int index, float expected, float actual)
    {
        var difference = Math.Abs((double)expected - actual);
        WorstDifference = Math.Max(WorstDifference, double.IsNaN(difference) ? double.PositiveInfinity : difference);
        WorstShare = Math.Max(WorstShare, Float32Parity.Share(actual, expected, Tolerance));
        if (!Float32Parity.Close(actual, expected, Tolerance))
        {
            Fail($"{what}[{index}] is {actual:R}, expected {expected:R} (tolerance {Tolerance} + {Tolerance} x |expected|)");
        }
    }
}
