namespace Edge.Detection;

/// <summary>
/// The one rule by which numbers computed by two runtimes (libtorch at export, ONNX Runtime on the device) count as
/// equal: numpy's <c>allclose</c> with the absolute and the relative tolerance both set to the manifest's
/// <c>golden.tolerance</c>, <c>|actual - expected| &lt;= t + t |expected|</c>. float32 carries about seven significant
/// digits, so a squared distance of 1180 may differ in its fourth decimal between two correct implementations.
/// </summary>
public static class Float32Parity
{
    /// <summary>The largest difference allowed from <paramref name="expected"/>: <c>t + t |expected|</c>.</summary>
    public static double Allowance(double expected, double tolerance) => tolerance + tolerance * Math.Abs(expected);

    /// <summary>True when <paramref name="actual"/> is within <see cref="Allowance"/> of <paramref name="expected"/>; never for NaN.</summary>
    public static bool Close(double actual, double expected, double tolerance) =>
        Math.Abs(actual - expected) <= Allowance(expected, tolerance);

    /// <summary>The difference as a share of its allowance (at most 1 when <see cref="Close"/>); infinity for NaN.</summary>
    public static double Share(double actual, double expected, double tolerance)
    {
        var share = Math.Abs(actual - expected) / Allowance(expected, tolerance);
        return double.IsNaN(share) ? double.PositiveInfinity : share;
    }
}
