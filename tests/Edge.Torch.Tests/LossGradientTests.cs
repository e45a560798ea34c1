using Edge.Torch;

namespace Edge.Torch.Tests;

public class LossGradientTests
{
    [Fact]
    public void Regression_loss_gradients_reach_input_and_target()
    {
        using var input = GradCheck.Random(91, [3, 4]);
        using var target = GradCheck.Random(92, [3, 4]);
        GradCheck.Check(t => Functional.MseLoss(t[0], t[1]), [input, target]);
        GradCheck.Check(t => Functional.L1Loss(t[0], t[1], Reduction.Sum), [input, target]);
        GradCheck.Check(t => Functional.SmoothL1Loss(t[0], t[1], Reduction.None, beta: 0.5), [input, target]);
    }

    [Fact]
    public void Cross_entropy_gradient_matches_with_weights_and_label_smoothing()
    {
        using var logits = GradCheck.Random(93, [4, 3], -2, 2);
        using var target = Tensor.FromArray([0L, 2L, 1L, 2L], [4]);
        using var weight = Tensor.FromArray([1.0, 0.5, 2.0], [3]);
        GradCheck.Check(t => Functional.CrossEntropy(t[0], target), [logits]);
        GradCheck.Check(t => Functional.CrossEntropy(t[0], target, weight, labelSmoothing: 0.1), [logits]);
        GradCheck.Check(t => Functional.CrossEntropy(t[0], target, reduction: Reduction.None, labelSmoothing: 0.2), [logits]);
    }

    [Fact]
    public void Cross_entropy_over_spatial_maps_and_probability_targets_has_correct_gradient()
    {
        using var logits = GradCheck.Random(94, [2, 3, 2, 2], -2, 2);
        using var target = Tensor.FromArray([0L, 1L, 2L, 1L, 2L, 2L, 0L, 1L], [2, 2, 2]);
        GradCheck.Check(t => Functional.CrossEntropy(t[0], target), [logits]);
        using var probabilities = GradCheck.Random(95, [2, 3, 2, 2], 0.1, 1);
        GradCheck.Check(t => Functional.CrossEntropy(t[0], Functional.Softmax(t[1], 1)), [logits, probabilities]);
    }

    [Fact]
    public void Nll_loss_gradient_matches_finite_differences()
    {
        using var logits = GradCheck.Random(96, [4, 3]);
        using var target = Tensor.FromArray([2L, 0L, 1L, 1L], [4]);
        GradCheck.Check(t => Functional.NllLoss(Functional.LogSoftmax(t[0], 1), target), [logits]);
    }

    [Fact]
    public void Binary_cross_entropy_gradients_match_with_and_without_logits()
    {
        using var logits = GradCheck.Random(97, [3, 2], -3, 3);
        using var target = GradCheck.Random(98, [3, 2], 0, 1);
        using var positiveWeight = Tensor.FromArray([2.0, 0.5], [2]);
        GradCheck.Check(t => Functional.BinaryCrossEntropyWithLogits(t[0], t[1]), [logits, target]);
        GradCheck.Check(t => Functional.BinaryCrossEntropyWithLogits(t[0], target, positiveWeight: positiveWeight), [logits]);
        GradCheck.Check(t => Functional.BinaryCrossEntropy(t[0].Sigmoid(), target), [logits]);
    }

    [Fact]
    public void Kl_divergence_gradient_matches_finite_differences()
    {
        using var input = GradCheck.Random(99, [2, 4]);
        using var target = GradCheck.Random(100, [2, 4], 0.1, 1);
        GradCheck.Check(t => Functional.KlDiv(Functional.LogSoftmax(t[0], 1), t[1], Reduction.Sum), [input, target]);
    }
}
