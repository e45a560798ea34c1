using Edge.Torch.Native;

namespace Edge.Torch.Optim;

/// <summary>Gradient clipping (torch.nn.utils.clip_grad_norm_).</summary>
public static class GradientClipping
{
    /// <summary>
    /// Scales all gradients together so their joint <paramref name="normType"/>-norm is at most
    /// <paramref name="maxNorm"/>; returns the norm before clipping (useful to log divergence).
    /// </summary>
    public static unsafe double ClipByNorm(IEnumerable<Tensor> parameters, double maxNorm, double normType = 2)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentOutOfRangeException.ThrowIfNegative(maxNorm);
        using var pinned = new PinnedHandles(parameters.ToList());
        fixed (nint* p = pinned.Pointers)
        {
            NativeResult.Check(Interop.Shim.edge_clip_grad_norm(p, pinned.Count, maxNorm, normType, out var total));
            return total;
        }
    }
}
