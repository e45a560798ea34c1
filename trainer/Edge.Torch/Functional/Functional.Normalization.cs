using Edge.Torch.Native;

namespace Edge.Torch;

public static partial class Functional
{
    /// <summary>
    /// Batch normalisation over the channel dimension 1. In training mode the batch statistics are used and
    /// the running statistics, when given, are updated in place (momentum as in PyTorch).
    /// </summary>
    public static Tensor BatchNorm(Tensor input, Tensor? runningMean, Tensor? runningVar, Tensor? weight = null, Tensor? bias = null,
        bool training = false, double momentum = 0.1, double eps = 1e-5)
    {
        ArgumentNullException.ThrowIfNull(input);
        return NativeResult.Tensor(Interop.Shim.edge_batch_norm(input.Handle, Tensor.HandleOrNull(weight), Tensor.HandleOrNull(bias),
            Tensor.HandleOrNull(runningMean), Tensor.HandleOrNull(runningVar), training ? 1 : 0, momentum, eps));
    }

    /// <summary>Normalises each of <paramref name="groups"/> channel groups per sample; weight and bias have C entries.</summary>
    public static Tensor GroupNorm(Tensor input, long groups, Tensor? weight = null, Tensor? bias = null, double eps = 1e-5)
    {
        ArgumentNullException.ThrowIfNull(input);
        return NativeResult.Tensor(Interop.Shim.edge_group_norm(input.Handle, groups, Tensor.HandleOrNull(weight), Tensor.HandleOrNull(bias), eps));
    }

    /// <summary>Normalises over the trailing <paramref name="normalizedShape"/> dimensions.</summary>
    public static unsafe Tensor LayerNorm(Tensor input, ReadOnlySpan<long> normalizedShape, Tensor? weight = null, Tensor? bias = null, double eps = 1e-5)
    {
        ArgumentNullException.ThrowIfNull(input);
        fixed (long* s = normalizedShape)
        {
            return NativeResult.Tensor(Interop.Shim.edge_layer_norm(input.Handle, s, normalizedShape.Length, Tensor.HandleOrNull(weight), Tensor.HandleOrNull(bias), eps));
        }
    }
}
