using Edge.Torch;

namespace Edge.Torch.Tests;

public class NetworkForwardTests
{
    // 1..9 as a (1, 1, 3, 3) image.
    private static Tensor Image3x3() => Tensor.Arange(1, 10, type: ScalarType.Float32).Reshape(1, 1, 3, 3);

    [Fact]
    public void Conv2d_matches_hand_computed_values()
    {
        using var scope = LibTorch.NewDisposeScope();
        var kernel = Tensor.FromArray([1f, 0f, 0f, -1f], [1, 1, 2, 2]);
        var bias = Tensor.FromArray([10f], [1]);
        // Each output is x[i][j] - x[i+1][j+1] + 10 = -4 + 10.
        Assert.Equal([6f, 6f, 6f, 6f], Functional.Conv2d(Image3x3(), kernel, bias).ToFloatArray());
        var ones = Tensor.Ones([1, 1, 2, 2]);
        // Padding 1, stride 2: windows at the corners see one element each, the middle ones two.
        Assert.Equal([1f, 5f, 11f, 28f], Functional.Conv2d(Image3x3(), ones, padding: 1, stride: 2).Slice(2, 0, 2).Slice(3, 0, 2).ToFloatArray());
        Assert.Equal([12f, 16f, 24f, 28f], Functional.Conv2d(Image3x3(), ones).ToFloatArray());
    }

    [Fact]
    public void Conv3d_sums_a_cube_neighbourhood()
    {
        using var scope = LibTorch.NewDisposeScope();
        var x = Tensor.Arange(0, 8, type: ScalarType.Float32).Reshape(1, 1, 2, 2, 2);
        var ones = Tensor.Ones([2, 1, 2, 2, 2]);
        var result = Functional.Conv3d(x, ones);
        Assert.Equal([1L, 2L, 1L, 1L, 1L], result.Shape);
        Assert.Equal([28f, 28f], result.ToFloatArray());
    }

    [Fact]
    public void Conv_transpose2d_spreads_each_input_over_its_kernel()
    {
        using var scope = LibTorch.NewDisposeScope();
        var x = Tensor.FromArray([1f, 2f, 3f, 4f], [1, 1, 2, 2]);
        var kernel = Tensor.FromArray([1f, 10f, 100f, 1000f], [1, 1, 2, 2]);
        var result = Functional.ConvTranspose2d(x, kernel, stride: 2);
        Assert.Equal([1L, 1L, 4L, 4L], result.Shape);
        Assert.Equal(
            [1f, 10f, 2f, 20f, 100f, 1000f, 200f, 2000f, 3f, 30f, 4f, 40f, 300f, 3000f, 400f, 4000f],
            result.ToFloatArray());
    }

    [Fact]
    public void Conv_transpose3d_doubles_each_spatial_size_with_stride_two()
    {
        using var scope = LibTorch.NewDisposeScope();
        var x = Tensor.Ones([1, 2, 2, 3, 3]);
        var kernel = Tensor.Full([2, 1, 2, 2, 2], 0.5);
        var result = Functional.ConvTranspose3d(x, kernel, stride: 2);
        Assert.Equal([1L, 1L, 4L, 6L, 6L], result.Shape);
        Assert.All(result.ToFloatArray(), v => Assert.Equal(1f, v));
    }

    [Fact]
    public void Linear_computes_weights_times_input_plus_bias()
    {
        using var scope = LibTorch.NewDisposeScope();
        var x = Tensor.FromArray([1f, 2f], [1, 2]);
        var w = Tensor.FromArray([1f, 1f, 2f, -1f, 0f, 3f], [3, 2]);
        var b = Tensor.FromArray([0.5f, 0f, -1f], [3]);
        Assert.Equal([3.5f, 0f, 5f], Functional.Linear(x, w, b).ToFloatArray());
    }

    [Fact]
    public void Pooling_takes_window_maxima_and_means()
    {
        using var scope = LibTorch.NewDisposeScope();
        var x = Tensor.Arange(1, 17, type: ScalarType.Float32).Reshape(1, 1, 4, 4);
        Assert.Equal([6f, 8f, 14f, 16f], Functional.MaxPool2d(x, 2).ToFloatArray());
        Assert.Equal([3.5f, 5.5f, 11.5f, 13.5f], Functional.AvgPool2d(x, 2).ToFloatArray());
        Assert.Equal([8.5f], Functional.AdaptiveAvgPool(x, [1, 1]).ToFloatArray());
        var cube = Tensor.Arange(0, 8, type: ScalarType.Float32).Reshape(1, 1, 2, 2, 2);
        Assert.Equal([7f], Functional.MaxPool3d(cube, 2).ToFloatArray());
        Assert.Equal([3.5f], Functional.AvgPool3d(cube, 2).ToFloatArray());
    }

    [Fact]
    public void Nearest_interpolation_repeats_pixels()
    {
        using var scope = LibTorch.NewDisposeScope();
        var x = Tensor.FromArray([1f, 2f, 3f, 4f], [1, 1, 2, 2]);
        Assert.Equal([1f, 1f, 2f, 2f, 1f, 1f, 2f, 2f, 3f, 3f, 4f, 4f, 3f, 3f, 4f, 4f], Functional.Interpolate(x, 2.0).ToFloatArray());
    }

    [Fact]
    public void Bilinear_interpolation_matches_hand_computed_weights()
    {
        using var scope = LibTorch.NewDisposeScope();
        var x = Tensor.FromArray([1.0, 2, 3, 4], [1, 1, 2, 2]);
        // align_corners: the corners stay, the centre is the average.
        Expect.Close([1, 1.5, 2, 2, 2.5, 3, 3, 3.5, 4], Functional.Interpolate(x, [3, 3], InterpolationMode.Bilinear, alignCorners: true).ToDoubleArray(), 1e-12);
        // Half-pixel centres: 1-D weights [a, .75a+.25b, .25a+.75b, b], applied to rows then columns.
        static double[] Line(double a, double b) => [a, 0.75 * a + 0.25 * b, 0.25 * a + 0.75 * b, b];
        var top = Line(1, 2);
        var bottom = Line(3, 4);
        var expected = Enumerable.Range(0, 4).SelectMany(c => Enumerable.Range(0, 4).Select(r => Line(top[r], bottom[r])[c])).ToArray();
        Expect.Close(expected, Functional.Interpolate(x, [4, 4], InterpolationMode.Bilinear).ToDoubleArray(), 1e-12);
    }

    [Fact]
    public void Trilinear_interpolation_keeps_a_linear_field_linear()
    {
        using var scope = LibTorch.NewDisposeScope();
        // f(d, h, w) = 4d + 2h + w on a 2x2x2 grid, sampled on 3x3x3 with the corners aligned.
        var x = Tensor.Arange(0, 8, type: ScalarType.Float64).Reshape(1, 1, 2, 2, 2);
        var expected = new List<double>();
        for (var d = 0; d < 3; d++)
        {
            for (var h = 0; h < 3; h++)
            {
                for (var w = 0; w < 3; w++)
                {
                    expected.Add(4 * d / 2.0 + 2 * h / 2.0 + w / 2.0);
                }
            }
        }
        Expect.Close(expected, Functional.Interpolate(x, [3, 3, 3], InterpolationMode.Trilinear, alignCorners: true).ToDoubleArray(), 1e-12);
    }

    [Fact]
    public void Group_and_layer_norm_standardise_each_group()
    {
        using var scope = LibTorch.NewDisposeScope();
        var values = new[] { 1.0, 2, 3, 4, 10, 20, 30, 40 };
        var x = Tensor.FromArray(values, [1, 4, 2]);
        static double[] Standardise(double[] v)
        {
            var mean = v.Average();
            var variance = v.Select(a => (a - mean) * (a - mean)).Average();
            return v.Select(a => (a - mean) / Math.Sqrt(variance + 1e-5)).ToArray();
        }
        var expected = Standardise(values[..4]).Concat(Standardise(values[4..])).ToArray();
        Expect.Close(expected, Functional.GroupNorm(x, 2).ToDoubleArray(), 1e-9);
        var weight = Tensor.Full([4], 2.0, ScalarType.Float64);
        var bias = Tensor.Full([4], 1.0, ScalarType.Float64);
        Expect.Close(expected.Select(v => 2 * v + 1).ToArray(), Functional.GroupNorm(x, 2, weight, bias).ToDoubleArray(), 1e-9);
        var rows = x.Reshape(2, 4);
        Expect.Close(expected, Functional.LayerNorm(rows, [4]).ToDoubleArray(), 1e-9);
    }

    [Fact]
    public void Batch_norm_uses_batch_statistics_and_updates_running_ones()
    {
        using var scope = LibTorch.NewDisposeScope();
        // One channel, batch values 1, 3, 5, 7: mean 4, biased variance 5, unbiased 20/3.
        var x = Tensor.FromArray([1.0, 3, 5, 7], [4, 1]);
        var runningMean = Tensor.Zeros([1], ScalarType.Float64);
        var runningVar = Tensor.Ones([1], ScalarType.Float64);
        var y = Functional.BatchNorm(x, runningMean, runningVar, training: true, momentum: 0.1);
        Expect.Close(new[] { 1.0, 3, 5, 7 }.Select(v => (v - 4) / Math.Sqrt(5 + 1e-5)).ToArray(), y.ToDoubleArray(), 1e-9);
        Expect.Close(0.4, runningMean.Item(), 1e-12);
        Expect.Close(0.9 + 0.1 * 20.0 / 3, runningVar.Item(), 1e-12);
        var evaluated = Functional.BatchNorm(x, runningMean, runningVar, training: false);
        Expect.Close(new[] { 1.0, 3, 5, 7 }.Select(v => (v - 0.4) / Math.Sqrt(0.9 + 2.0 / 3 + 1e-5)).ToArray(), evaluated.ToDoubleArray(), 1e-9);
    }

    [Fact]
    public void Embedding_picks_rows_and_softmax_normalises_exponentials()
    {
        using var scope = LibTorch.NewDisposeScope();
        var table = Tensor.FromArray([0f, 0f, 1f, 1f, 2f, 2f], [3, 2]);
        Assert.Equal([2f, 2f, 0f, 0f, 2f, 2f], Functional.Embedding(Tensor.FromArray([2L, 0L, 2L], [3]), table).ToFloatArray());
        var logits = Tensor.FromArray([1.0, 2, 3], [3]);
        var total = Math.Exp(1) + Math.Exp(2) + Math.Exp(3);
        Expect.Close([Math.Exp(1) / total, Math.Exp(2) / total, Math.Exp(3) / total], Functional.Softmax(logits, 0).ToDoubleArray(), 1e-12);
        Expect.Close([1 - Math.Log(total), 2 - Math.Log(total), 3 - Math.Log(total)], Functional.LogSoftmax(logits, 0).ToDoubleArray(), 1e-12);
    }

    [Fact]
    public void Attention_matches_a_hand_written_softmax_of_scores()
    {
        using var scope = LibTorch.NewDisposeScope();
        double[] q = [1, 0, 0, 1];
        double[] k = [1, 0, 0, 1, 1, 1];
        double[] v = [1, 2, 3, 4, 5, 6];
        var output = Functional.ScaledDotProductAttention(
            Tensor.FromArray(q, [2, 2]), Tensor.FromArray(k, [3, 2]), Tensor.FromArray(v, [3, 2])).ToDoubleArray();
        var expected = new List<double>();
        for (var i = 0; i < 2; i++)
        {
            var scores = Enumerable.Range(0, 3).Select(j => (q[2 * i] * k[2 * j] + q[2 * i + 1] * k[2 * j + 1]) / Math.Sqrt(2)).ToArray();
            var weights = scores.Select(Math.Exp).ToArray();
            var sum = weights.Sum();
            for (var c = 0; c < 2; c++)
            {
                expected.Add(Enumerable.Range(0, 3).Sum(j => weights[j] / sum * v[2 * j + c]));
            }
        }
        Expect.Close(expected, output, 1e-12);
    }

    [Fact]
    public void Causal_attention_lets_the_first_position_see_only_itself()
    {
        using var scope = LibTorch.NewDisposeScope();
        var q = Tensor.Randn([1, 3, 4], ScalarType.Float64);
        var v = Tensor.FromArray([1.0, 2, 3, 4, 5, 6], [1, 3, 2]);
        var causal = Functional.ScaledDotProductAttention(q, q, v, isCausal: true).ToDoubleArray();
        Expect.Close([1.0, 2], causal[..2], 1e-12);
        var keep = Tensor.Ones([3, 3], ScalarType.Bool).Tril();
        Expect.Close(causal, Functional.ScaledDotProductAttention(q, q, v, keep).ToDoubleArray(), 1e-12);
    }

    [Fact]
    public void Dropout_zeroes_about_p_and_scales_the_rest_only_when_training()
    {
        using var scope = LibTorch.NewDisposeScope();
        LibTorch.ManualSeed(3);
        var x = Tensor.Ones([10000]);
        var dropped = Functional.Dropout(x, 0.3).ToFloatArray();
        Assert.All(dropped, v => Assert.True(v == 0f || Math.Abs(v - 1 / 0.7f) < 1e-6));
        Assert.Equal(0.3, dropped.Count(v => v == 0f) / 10000.0, 1);
        Assert.All(Functional.Dropout(x, 0.3, training: false).ToFloatArray(), v => Assert.Equal(1f, v));
    }

    [Fact]
    public void Gumbel_softmax_gives_distributions_or_one_hot_rows()
    {
        using var scope = LibTorch.NewDisposeScope();
        LibTorch.ManualSeed(4);
        var logits = Tensor.FromArray([0f, 0f, 8f, 0f, 5f, 0f], [2, 3]);
        var soft = Functional.GumbelSoftmax(logits, tau: 1.0);
        Expect.Close([1.0, 1.0], soft.Sum(1).ToFloatArray());
        var hard = Functional.GumbelSoftmax(logits, tau: 0.5, hard: true).ToFloatArray();
        Assert.All(hard, v => Assert.True(v == 0f || Math.Abs(v - 1f) < 1e-6));
        Assert.Equal(2, hard.Count(v => v > 0.5f));
        // A logit 8 above the others wins almost always (Gumbel noise differences rarely exceed 8).
        var wins = Enumerable.Range(0, 200).Count(_ => Functional.GumbelSoftmax(logits, hard: true).ArgMax(1).ToInt64Array()[0] == 2);
        Assert.True(wins >= 195, $"the dominant class won {wins} of 200 draws");
    }

    [Fact]
    public void Distances_and_cosine_similarity_match_hand_computation()
    {
        using var scope = LibTorch.NewDisposeScope();
        var a = Tensor.FromArray([0.0, 0, 3, 4], [2, 2]);
        var b = Tensor.FromArray([0.0, 1], [1, 2]);
        Expect.Close([1.0, Math.Sqrt(9 + 9)], Functional.Cdist(a, b).ToDoubleArray(), 1e-12);
        var c = Tensor.FromArray([1.0, 0, 3, 4], [2, 2]);
        Expect.Close([0.0, 1.0], Functional.CosineSimilarity(c, Tensor.FromArray([0.0, 1, 6, 8], [2, 2])).ToDoubleArray(), 1e-12);
        Expect.Close([1.0, 0, 0.6, 0.8], Functional.Normalize(c).ToDoubleArray(), 1e-12);
    }
}
