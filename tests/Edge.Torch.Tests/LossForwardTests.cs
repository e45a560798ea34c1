using Edge.Torch;

namespace Edge.Torch.Tests;

public class LossForwardTests
{
    [Fact]
    public void Regression_losses_match_hand_computed_values()
    {
        using var scope = LibTorch.NewDisposeScope();
        var input = Tensor.FromArray([1.0, 2, 3, 4], [4]);
        var target = Tensor.FromArray([1.5, 2, 1, 4.2], [4]);
        // Differences -0.5, 0, 2, -0.2.
        Expect.Close((0.25 + 4 + 0.04) / 4, Functional.MseLoss(input, target).Item(), 1e-12);
        Expect.Close(0.5 + 2 + 0.2, Functional.L1Loss(input, target, Reduction.Sum).Item(), 1e-12);
        Expect.Close([0.125, 0, 1.5, 0.02], Functional.SmoothL1Loss(input, target, Reduction.None).ToDoubleArray(), 1e-12);
    }

    [Fact]
    public void Cross_entropy_with_label_smoothing_matches_hand_computed_value()
    {
        using var scope = LibTorch.NewDisposeScope();
        double[][] logits = [[2, 1, 0.1], [0.5, 2.5, 0.3]];
        long[] labels = [0, 2];
        const double smoothing = 0.1;
        var expected = 0.0;
        for (var n = 0; n < 2; n++)
        {
            var logSum = Math.Log(logits[n].Sum(Math.Exp));
            var logProbabilities = logits[n].Select(v => v - logSum).ToArray();
            expected += -(1 - smoothing) * logProbabilities[labels[n]] - smoothing / 3 * logProbabilities.Sum();
        }
        expected /= 2;
        var loss = Functional.CrossEntropy(Tensor.FromArray(logits.SelectMany(r => r).ToArray(), [2, 3]), Tensor.FromArray(labels, [2]), labelSmoothing: smoothing);
        Expect.Close(expected, loss.Item(), 1e-12);
    }

    [Fact]
    public void Weighted_cross_entropy_averages_by_the_target_weights()
    {
        using var scope = LibTorch.NewDisposeScope();
        var logits = Tensor.FromArray([0.0, 0, 1, 0], [2, 2]);
        var labels = Tensor.FromArray([0L, 1L], [2]);
        var weight = Tensor.FromArray([1.0, 3.0], [2]);
        // Sample 0: -log(1/2), weight 1. Sample 1: -log(1/(1+e)), weight 3.
        var expected = (Math.Log(2) + 3 * Math.Log(1 + Math.E)) / 4;
        Expect.Close(expected, Functional.CrossEntropy(logits, labels, weight).Item(), 1e-12);
        var ignored = Functional.CrossEntropy(logits, Tensor.FromArray([0L, -100L], [2]));
        Expect.Close(Math.Log(2), ignored.Item(), 1e-12);
    }

    [Fact]
    public void Binary_cross_entropy_with_logits_matches_the_sigmoid_formula()
    {
        using var scope = LibTorch.NewDisposeScope();
        double[] x = [-1, 0.5, 2];
        double[] y = [0, 1, 0.3];
        static double Sigmoid(double v) => 1 / (1 + Math.Exp(-v));
        var plain = x.Zip(y, (a, t) => -(t * Math.Log(Sigmoid(a)) + (1 - t) * Math.Log(1 - Sigmoid(a)))).ToArray();
        var weighted = x.Zip(y, (a, t) => -(2 * t * Math.Log(Sigmoid(a)) + (1 - t) * Math.Log(1 - Sigmoid(a)))).ToArray();
        var logits = Tensor.FromArray(x, [3]);
        var target = Tensor.FromArray(y, [3]);
        Expect.Close(plain.Average(), Functional.BinaryCrossEntropyWithLogits(logits, target).Item(), 1e-12);
        Expect.Close(weighted, Functional.BinaryCrossEntropyWithLogits(logits, target, positiveWeight: Tensor.FromArray([2.0], [1]), reduction: Reduction.None).ToDoubleArray(), 1e-12);
        Expect.Close(plain.Sum(), Functional.BinaryCrossEntropy(logits.Sigmoid(), target, reduction: Reduction.Sum).Item(), 1e-9);
    }

    [Fact]
    public void Nll_and_kl_divergence_match_their_definitions()
    {
        using var scope = LibTorch.NewDisposeScope();
        var logProbabilities = Tensor.FromArray([Math.Log(0.2), Math.Log(0.8), Math.Log(0.6), Math.Log(0.4)], [2, 2]);
        var labels = Tensor.FromArray([1L, 0L], [2]);
        Expect.Close(-(Math.Log(0.8) + Math.Log(0.6)) / 2, Functional.NllLoss(logProbabilities, labels).Item(), 1e-12);
        var target = Tensor.FromArray([0.5, 0.5, 0.1, 0.9], [2, 2]);
        var expected = 0.5 * (Math.Log(0.5) - Math.Log(0.2)) + 0.5 * (Math.Log(0.5) - Math.Log(0.8))
            + 0.1 * (Math.Log(0.1) - Math.Log(0.6)) + 0.9 * (Math.Log(0.9) - Math.Log(0.4));
        Expect.Close(expected, Functional.KlDiv(logProbabilities, target, Reduction.Sum).Item(), 1e-12);
    }
}
