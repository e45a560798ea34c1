using Edge.Torch.Native;

namespace Edge.Torch;

public static partial class Functional
{
    public static Tensor MseLoss(Tensor input, Tensor target, Reduction reduction = Reduction.Mean)
    {
        CheckPair(input, target);
        return NativeResult.Tensor(Interop.Shim.edge_mse_loss(input.Handle, target.Handle, (long)reduction));
    }

    public static Tensor L1Loss(Tensor input, Tensor target, Reduction reduction = Reduction.Mean)
    {
        CheckPair(input, target);
        return NativeResult.Tensor(Interop.Shim.edge_l1_loss(input.Handle, target.Handle, (long)reduction));
    }

    /// <summary>Huber-style loss: quadratic below <paramref name="beta"/>, linear above.</summary>
    public static Tensor SmoothL1Loss(Tensor input, Tensor target, Reduction reduction = Reduction.Mean, double beta = 1)
    {
        CheckPair(input, target);
        return NativeResult.Tensor(Interop.Shim.edge_smooth_l1_loss(input.Handle, target.Handle, (long)reduction, beta));
    }

    /// <summary>
    /// Cross entropy of logits (N, C, ...) against int64 class indices (N, ...) or class probabilities (N, C, ...),
    /// with optional per-class weights and label smoothing (the target mixed with the uniform distribution).
    /// </summary>
    public static Tensor CrossEntropy(Tensor logits, Tensor target, Tensor? weight = null, Reduction reduction = Reduction.Mean,
        long ignoreIndex = -100, double labelSmoothing = 0)
    {
        CheckPair(logits, target);
        return NativeResult.Tensor(Interop.Shim.edge_cross_entropy(logits.Handle, target.Handle, Tensor.HandleOrNull(weight), (long)reduction, ignoreIndex, labelSmoothing));
    }

    /// <summary>Negative log likelihood of log-probabilities (N, C, ...) at int64 class indices (N, ...).</summary>
    public static Tensor NllLoss(Tensor logProbabilities, Tensor target, Tensor? weight = null, Reduction reduction = Reduction.Mean, long ignoreIndex = -100)
    {
        CheckPair(logProbabilities, target);
        return NativeResult.Tensor(Interop.Shim.edge_nll_loss(logProbabilities.Handle, target.Handle, Tensor.HandleOrNull(weight), (long)reduction, ignoreIndex));
    }

    /// <summary>Binary cross entropy on logits (numerically stable sigmoid + BCE), with optional weights.</summary>
    public static Tensor BinaryCrossEntropyWithLogits(Tensor logits, Tensor target, Tensor? weight = null, Tensor? positiveWeight = null,
        Reduction reduction = Reduction.Mean)
    {
        CheckPair(logits, target);
        return NativeResult.Tensor(Interop.Shim.edge_bce_with_logits(logits.Handle, target.Handle, Tensor.HandleOrNull(weight), Tensor.HandleOrNull(positiveWeight), (long)reduction));
    }

    /// <summary>Binary cross entropy on probabilities in [0, 1].</summary>
    public static Tensor BinaryCrossEntropy(Tensor probabilities, Tensor target, Tensor? weight = null, Reduction reduction = Reduction.Mean)
    {
        CheckPair(probabilities, target);
        return NativeResult.Tensor(Interop.Shim.edge_bce(probabilities.Handle, target.Handle, Tensor.HandleOrNull(weight), (long)reduction));
    }

    /// <summary>KL divergence with <paramref name="input"/> as log-probabilities (and the target too when <paramref name="logTarget"/>).</summary>
    public static Tensor KlDiv(Tensor input, Tensor target, Reduction reduction = Reduction.Mean, bool logTarget = false)
    {
        CheckPair(input, target);
        return NativeResult.Tensor(Interop.Shim.edge_kl_div(input.Handle, target.Handle, (long)reduction, logTarget ? 1 : 0));
    }

    private static void CheckPair(Tensor input, Tensor target)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(target);
    }
}
