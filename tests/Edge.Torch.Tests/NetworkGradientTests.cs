using Edge.Torch;

namespace Edge.Torch.Tests;

public class NetworkGradientTests
{
    [Fact]
    public void Linear_gradient_reaches_input_weight_and_bias()
    {
        using var x = GradCheck.Random(41, [3, 4]);
        using var w = GradCheck.Random(42, [2, 4]);
        using var b = GradCheck.Random(43, [2]);
        GradCheck.Check(t => Functional.Linear(t[0], t[1], t[2]), [x, w, b]);
    }

    [Fact]
    public void Conv2d_gradient_reaches_input_weight_and_bias()
    {
        using var x = GradCheck.Random(44, [1, 2, 5, 5]);
        using var w = GradCheck.Random(45, [3, 2, 3, 3]);
        using var b = GradCheck.Random(46, [3]);
        GradCheck.Check(t => Functional.Conv2d(t[0], t[1], t[2], stride: 2, padding: 1), [x, w, b]);
    }

    [Fact]
    public void Grouped_dilated_conv2d_gradient_matches_finite_differences()
    {
        using var x = GradCheck.Random(47, [1, 4, 5, 5]);
        using var w = GradCheck.Random(48, [2, 2, 2, 2]);
        GradCheck.Check(t => Functional.Conv2d(t[0], t[1], null, padding: 1, dilation: 2, groups: 2), [x, w]);
    }

    [Fact]
    public void Conv3d_gradient_reaches_input_weight_and_bias()
    {
        using var x = GradCheck.Random(49, [1, 2, 3, 4, 4]);
        using var w = GradCheck.Random(50, [2, 2, 2, 3, 3]);
        using var b = GradCheck.Random(51, [2]);
        GradCheck.Check(t => Functional.Conv3d(t[0], t[1], t[2], padding: 1), [x, w, b]);
    }

    [Fact]
    public void Conv_transpose2d_gradient_reaches_input_weight_and_bias()
    {
        using var x = GradCheck.Random(52, [1, 2, 3, 3]);
        using var w = GradCheck.Random(53, [2, 3, 3, 3]);
        using var b = GradCheck.Random(54, [3]);
        GradCheck.Check(t => Functional.ConvTranspose2d(t[0], t[1], t[2], stride: 2, padding: 1, outputPadding: 1), [x, w, b]);
    }

    [Fact]
    public void Conv_transpose3d_gradient_reaches_input_weight_and_bias()
    {
        using var x = GradCheck.Random(55, [1, 2, 2, 2, 2]);
        using var w = GradCheck.Random(56, [2, 1, 2, 2, 2]);
        using var b = GradCheck.Random(57, [1]);
        GradCheck.Check(t => Functional.ConvTranspose3d(t[0], t[1], t[2], stride: 2), [x, w, b]);
    }

    [Fact]
    public void Batch_norm_gradient_matches_in_training_and_in_eval_mode()
    {
        using var x = GradCheck.Random(58, [4, 3, 2, 2]);
        using var w = GradCheck.Random(59, [3], 0.5, 1.5);
        using var b = GradCheck.Random(60, [3]);
        GradCheck.Check(t => Functional.BatchNorm(t[0], null, null, t[1], t[2], training: true), [x, w, b]);
        using var mean = Tensor.FromArray([0.1, -0.2, 0.3], [3]);
        using var variance = Tensor.FromArray([1.5, 0.7, 1.1], [3]);
        GradCheck.Check(t => Functional.BatchNorm(t[0], mean, variance, t[1], t[2], training: false), [x, w, b]);
    }

    [Fact]
    public void Group_norm_gradient_reaches_input_weight_and_bias()
    {
        using var x = GradCheck.Random(61, [2, 4, 3, 2]);
        using var w = GradCheck.Random(62, [4], 0.5, 1.5);
        using var b = GradCheck.Random(63, [4]);
        GradCheck.Check(t => Functional.GroupNorm(t[0], 2, t[1], t[2]), [x, w, b]);
    }

    [Fact]
    public void Layer_norm_gradient_reaches_input_weight_and_bias()
    {
        using var x = GradCheck.Random(64, [2, 3, 4]);
        using var w = GradCheck.Random(65, [3, 4], 0.5, 1.5);
        using var b = GradCheck.Random(66, [3, 4]);
        GradCheck.Check(t => Functional.LayerNorm(t[0], [3, 4], t[1], t[2]), [x, w, b]);
    }

    [Fact]
    public void Embedding_gradient_accumulates_into_the_picked_rows()
    {
        using var weight = GradCheck.Random(67, [5, 3]);
        using var indices = Tensor.FromArray([1L, 4L, 1L, 0L], [2, 2]);
        GradCheck.Check(t => Functional.Embedding(indices, t[0]), [weight]);
    }

    [Fact]
    public void Embedding_padding_row_gets_no_gradient()
    {
        using var scope = LibTorch.NewDisposeScope();
        var weight = GradCheck.Random(67, [5, 3]).WithRequiresGrad();
        var indices = Tensor.FromArray([1L, 4L, 1L, 0L], [2, 2]);
        Functional.Embedding(indices, weight, paddingIndex: 1).Sum().Backward();
        // Rows 0 and 4 are picked once, row 1 (padding) twice but frozen, rows 2 and 3 never.
        Assert.Equal([1.0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1], weight.Grad!.ToDoubleArray());
    }

    [Fact]
    public void Softmax_and_log_softmax_gradients_match_finite_differences()
    {
        using var x = GradCheck.Random(68, [3, 5], -2, 2);
        GradCheck.Check(t => Functional.Softmax(t[0], 1), [x]);
        GradCheck.Check(t => Functional.LogSoftmax(t[0], 0), [x]);
    }

    [Fact]
    public void Dropout_gradient_matches_finite_differences_with_the_same_mask()
    {
        using var x = GradCheck.Random(69, [4, 5]);
        GradCheck.Check(t => Functional.Dropout(t[0], 0.4), [x], seed: 77);
    }

    [Fact]
    public void Gumbel_softmax_gradient_matches_finite_differences_with_the_same_noise()
    {
        using var logits = GradCheck.Random(70, [3, 4]);
        GradCheck.Check(t => Functional.GumbelSoftmax(t[0], tau: 0.7), [logits], seed: 78);
        // Straight-through: the forward pass is one-hot, the gradient that of the soft sample.
        GradCheck.Check(t => Functional.GumbelSoftmax(t[0], tau: 0.7, hard: true) * 0 + Functional.GumbelSoftmax(t[0], tau: 0.7), [logits], seed: 78);
    }

    [Fact]
    public void Max_and_average_pool_gradients_match_finite_differences_in_2d_and_3d()
    {
        using var x2 = GradCheck.Random(71, [1, 2, 5, 5]);
        using var x3 = GradCheck.Random(72, [1, 1, 4, 4, 4]);
        GradCheck.Check(t => Functional.MaxPool2d(t[0], 2), [x2]);
        GradCheck.Check(t => Functional.MaxPool2d(t[0], 3, stride: 1, padding: 1), [x2]);
        GradCheck.Check(t => Functional.AvgPool2d(t[0], 2, ceilMode: true), [x2]);
        GradCheck.Check(t => Functional.MaxPool3d(t[0], 2), [x3]);
        GradCheck.Check(t => Functional.AvgPool3d(t[0], 3, stride: 1, padding: 1, countIncludePad: false), [x3]);
        GradCheck.Check(t => Functional.AdaptiveAvgPool(t[0], [2, 3]), [x2]);
    }

    [Fact]
    public void Interpolation_gradients_match_finite_differences_in_every_mode()
    {
        using var x1 = GradCheck.Random(73, [1, 2, 3]);
        using var x2 = GradCheck.Random(74, [1, 1, 3, 3]);
        using var x3 = GradCheck.Random(75, [1, 1, 2, 2, 2]);
        GradCheck.Check(t => Functional.Interpolate(t[0], 2.0), [x2]);
        GradCheck.Check(t => Functional.Interpolate(t[0], [5, 4], InterpolationMode.Bilinear), [x2]);
        GradCheck.Check(t => Functional.Interpolate(t[0], [5, 4], InterpolationMode.Bilinear, alignCorners: true), [x2]);
        GradCheck.Check(t => Functional.Interpolate(t[0], [4, 5], InterpolationMode.Bicubic), [x2]);
        GradCheck.Check(t => Functional.Interpolate(t[0], [5], InterpolationMode.Linear), [x1]);
        GradCheck.Check(t => Functional.Interpolate(t[0], [3, 4, 3], InterpolationMode.Trilinear), [x3]);
        GradCheck.Check(t => Functional.Interpolate(t[0], [4, 3, 3], InterpolationMode.Nearest), [x3]);
    }

    [Fact]
    public void Attention_gradient_reaches_queries_keys_and_values()
    {
        using var q = GradCheck.Random(76, [1, 2, 3, 4]);
        using var k = GradCheck.Random(77, [1, 2, 5, 4]);
        using var v = GradCheck.Random(78, [1, 2, 5, 3]);
        GradCheck.Check(t => Functional.ScaledDotProductAttention(t[0], t[1], t[2]), [q, k, v]);
        using var additive = GradCheck.Random(79, [3, 5]);
        GradCheck.Check(t => Functional.ScaledDotProductAttention(t[0], t[1], t[2], additive), [q, k, v]);
    }

    [Fact]
    public void Causal_attention_gradient_matches_finite_differences()
    {
        using var q = GradCheck.Random(80, [2, 4, 3]);
        using var k = GradCheck.Random(81, [2, 4, 3]);
        using var v = GradCheck.Random(82, [2, 4, 3]);
        GradCheck.Check(t => Functional.ScaledDotProductAttention(t[0], t[1], t[2], isCausal: true, scale: 0.8), [q, k, v]);
    }

    [Fact]
    public void Distance_and_similarity_gradients_match_finite_differences()
    {
        using var a = GradCheck.Random(83, [3, 4]);
        using var b = GradCheck.Random(84, [5, 4]);
        GradCheck.Check(t => Functional.Cdist(t[0], t[1]), [a, b]);
        GradCheck.Check(t => Functional.CosineSimilarity(t[0], t[1].Slice(0, 0, 3)), [a, b]);
        GradCheck.Check(t => Functional.Normalize(t[0], dim: 1), [a]);
    }
}
