using Edge.Torch;

namespace Edge.Torch.Tests;

/// <summary>
/// Checks a function's autograd gradients against central finite differences in float64.
/// The function's output y is contracted with a fixed random cotangent v, so the check compares the
/// vector-Jacobian product vᵀJ (what backward computes) with (s(x + h e_j) - s(x - h e_j)) / 2h for
/// s = Σ v·y, element by element, for every input.
/// </summary>
internal static class GradCheck
{
    /// <param name="function">Maps the inputs (float64 leaves that require grad) to a floating-point output.</param>
    /// <param name="inputs">Float64 values of the inputs; they are copied, not modified.</param>
    /// <param name="seed">When set, libtorch is re-seeded before every evaluation (for random functions such as dropout).</param>
    public static void Check(Func<Tensor[], Tensor> function, Tensor[] inputs, double step = 1e-6, double absoluteTolerance = 1e-6,
        double relativeTolerance = 1e-4, ulong? seed = null)
    {
        var values = inputs.Select(t => t.ToDoubleArray()).ToArray();
        var shapes = inputs.Select(t => t.Shape).ToArray();
        foreach (var input in inputs)
        {
            Assert.Equal(ScalarType.Float64, input.DType);
        }

        var (analytic, cotangent) = AnalyticGradients(function, values, shapes, seed);
        for (var i = 0; i < values.Length; i++)
        {
            for (var j = 0; j < values[i].Length; j++)
            {
                var original = values[i][j];
                values[i][j] = original + step;
                var plus = Contract(function, values, shapes, cotangent, seed);
                values[i][j] = original - step;
                var minus = Contract(function, values, shapes, cotangent, seed);
                values[i][j] = original;
                var numeric = (plus - minus) / (2 * step);
                var tolerance = absoluteTolerance + relativeTolerance * Math.Abs(numeric);
                Assert.True(Math.Abs(analytic[i][j] - numeric) <= tolerance,
                    $"input {i} element {j}: autograd gives {analytic[i][j]:R}, finite differences {numeric:R} (tolerance {tolerance:G3})");
            }
        }
    }

    /// <summary>Float64 tensor of the given shape with values uniform in [low, high), reproducible from <paramref name="seed"/>.</summary>
    public static Tensor Random(int seed, long[] shape, double low = -1, double high = 1)
    {
        var random = new Random(seed);
        var count = shape.Aggregate(1L, (a, b) => a * b);
        var data = new double[count];
        for (var i = 0; i < count; i++)
        {
            data[i] = low + (high - low) * random.NextDouble();
        }
        return Tensor.FromArray(data, shape);
    }

    private static (double[][] Gradients, double[] Cotangent) AnalyticGradients(Func<Tensor[], Tensor> function, double[][] values, long[][] shapes, ulong? seed)
    {
        using var scope = LibTorch.NewDisposeScope();
        var leaves = values.Select((v, i) => Tensor.FromArray(v, shapes[i], requiresGrad: true)).ToArray();
        if (seed.HasValue)
        {
            LibTorch.ManualSeed(seed.Value);
        }
        var output = function(leaves);
        Assert.True(output.DType.IsFloatingPoint(), $"the checked function returned {output.DType}");
        var random = new Random(1234);
        var cotangent = Enumerable.Range(0, (int)output.NumElements).Select(_ => random.NextDouble() * 2 - 1).ToArray();
        var v = Tensor.FromArray(cotangent, output.Shape).To(output.DType);
        (output * v).Sum().Backward();
        var gradients = leaves.Select(leaf => leaf.Grad?.ToDoubleArray() ?? new double[leaf.NumElements]).ToArray();
        return (gradients, cotangent);
    }

    private static double Contract(Func<Tensor[], Tensor> function, double[][] values, long[][] shapes, double[] cotangent, ulong? seed)
    {
        using var scope = LibTorch.NewDisposeScope();
        using var noGrad = LibTorch.NoGrad();
        var inputs = values.Select((v, i) => Tensor.FromArray(v, shapes[i])).ToArray();
        if (seed.HasValue)
        {
            LibTorch.ManualSeed(seed.Value);
        }
        var output = function(inputs).ToDoubleArray();
        var sum = 0.0;
        for (var k = 0; k < output.Length; k++)
        {
            sum += output[k] * cotangent[k];
        }
        return sum;
    }
}
