using Edge.Torch;

namespace Edge.Trainer.Model;

/// <summary>
/// L2 normalization as both runtimes compute it: x / sqrt(max(sum(x^2), eps^2)) along one axis. The exporter writes
/// the same operations in the same order (EncoderGraph, and the codes in CodebookGraph), so libtorch and ONNX Runtime
/// agree to float32 rounding.
/// </summary>
public static class UnitSphere
{
    /// <summary>Below this length a vector is scaled as if it had this length (no division by zero).</summary>
    public const float Epsilon = 1e-6f;

    public static Tensor Normalize(Tensor x, long dim)
    {
        ArgumentNullException.ThrowIfNull(x);
        using var squares = x.Square();
        using var sum = squares.Sum(dim, keepDim: true);
        using var floored = sum.ClampMin(Epsilon * Epsilon);
        using var length = floored.Sqrt();
        return x / length;
    }

    /// <summary>The same normalization of row-major [rows, width] values, in float32 like the graphs.</summary>
    public static float[] NormalizeRows(ReadOnlySpan<float> values, int rows, int width)
    {
        var result = new float[rows * width];
        for (var r = 0; r < rows; r++)
        {
            var row = values.Slice(r * width, width);
            var sum = 0f;
            foreach (var v in row)
            {
                sum += v * v;
            }
            var length = MathF.Sqrt(MathF.Max(sum, Epsilon * Epsilon));
            for (var j = 0; j < width; j++)
            {
                result[(r * width) + j] = row[j] / length;
            }
        }
        return result;
    }
}
