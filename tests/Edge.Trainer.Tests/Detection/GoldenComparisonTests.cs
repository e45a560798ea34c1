using Edge.Detection;

namespace Edge.Trainer.Tests.Detection;

/// <summary>The parity rule of the golden check, on values worked out by hand.</summary>
public sealed class GoldenComparisonTests
{
    private const double Tolerance = 1e-4;

    // Two channels, two cells, NCHW: [channel 0 of cells 0 and 1, channel 1 of cells 0 and 1].
    private static readonly float[] Latent = [0.5f, 2f, 0.50001f, 2f];

    [Fact]
    public void A_nearest_code_flip_at_a_real_near_tie_passes_and_is_counted()
    {
        var comparison = new GoldenComparison(Tolerance);
        // Cell 0, z = (0.5, 0.50001): code (1, 0) is at 0.5000100001, code (0, 1) at 0.4999900001, a gap of 2e-5 within
        // 1e-4 + 1e-4 x 0.49999. libtorch took (1, 0), ONNX Runtime (0, 1). Cell 1 agrees: (2, 2.5).
        float[] libtorch = [1f, 2f, 0f, 2.5f];
        float[] onnxRuntime = [0f, 2f, 1f, 2.5f];

        comparison.CompareNearestCode("codebook.quantized0", Latent, libtorch, onnxRuntime, dim: 2);

        Assert.Null(comparison.Failure);
        Assert.Equal(1, comparison.NearTies);
        Assert.Equal(0, comparison.WorstDifference);
    }

    [Fact]
    public void A_nearest_code_flip_with_a_large_gap_fails_naming_the_tensor_and_element()
    {
        var comparison = new GoldenComparison(Tolerance);
        // Cell 1, z = (2, 2): libtorch's (2, 2.5) is at 0.25, ONNX Runtime's (2, 3.5) at 2.25: no near-tie. Its first
        // differing element is channel 1 of cell 1, index 1 x 2 + 1 = 3.
        float[] libtorch = [1f, 2f, 0f, 2.5f];
        float[] onnxRuntime = [1f, 2f, 0f, 3.5f];

        comparison.CompareNearestCode("codebook.quantized0", Latent, libtorch, onnxRuntime, dim: 2);

        Assert.Equal(0, comparison.NearTies);
        Assert.StartsWith("codebook.quantized0[3] is 3.5, expected 2.5: another nearest code, at squared distance 2.25 against 0.25", comparison.Failure, StringComparison.Ordinal);
    }

    [Fact]
    public void The_relative_tolerance_accepts_1180_3639_against_1180_3638_and_rejects_a_real_difference()
    {
        var close = new GoldenComparison(Tolerance);
        var far = new GoldenComparison(Tolerance);

        close.Compare("codebook.distance1", [1180.3638f, 0.5f], [1180.3639f, 0.5001f]);
        // Allowed at 1180.3638: 1e-4 + 1e-4 x 1180.3638 = 0.11814; 1180.5 is 0.1362 away.
        far.Compare("codebook.distance1", [1180.3638f, 0.5f], [1180.5f, 0.5f]);

        Assert.Null(close.Failure);
        // The two float32 values are one step (2^-13 = 1.22e-4) apart: more than the old absolute 1e-4 alone allowed.
        Assert.Equal(1.0 / 8192, close.WorstDifference, 9);
        // The largest share of its allowance is 0.5001 against 0.5: 1e-4 of 1e-4 + 1e-4 x 0.5 (1180's step is 0.001 of its 0.118).
        Assert.InRange(close.WorstShare, 0.66, 0.67);
        Assert.StartsWith("codebook.distance1[0] is 1180.5, expected 1180.3638 ", far.Failure, StringComparison.Ordinal);
        Assert.True(Float32Parity.Close(1.0002, 1.0, Tolerance));
        Assert.False(Float32Parity.Close(0.00021, 0.0, Tolerance));
        Assert.False(Float32Parity.Close(double.NaN, 0.0, Tolerance));
    }
}
