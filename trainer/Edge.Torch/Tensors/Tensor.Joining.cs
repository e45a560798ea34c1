using Edge.Torch.Native;

namespace Edge.Torch;

/// <summary>Operations that combine several tensors.</summary>
public sealed partial class Tensor
{
    /// <summary>Joins tensors along an existing dimension.</summary>
    public static unsafe Tensor Cat(IReadOnlyList<Tensor> tensors, long dim = 0)
    {
        using var pinned = new PinnedHandles(tensors);
        fixed (nint* p = pinned.Pointers)
        {
            return NativeResult.Tensor(Interop.Shim.edge_cat(p, pinned.Count, dim));
        }
    }

    /// <summary>Joins same-shaped tensors along a new dimension.</summary>
    public static unsafe Tensor Stack(IReadOnlyList<Tensor> tensors, long dim = 0)
    {
        using var pinned = new PinnedHandles(tensors);
        fixed (nint* p = pinned.Pointers)
        {
            return NativeResult.Tensor(Interop.Shim.edge_stack(p, pinned.Count, dim));
        }
    }

    /// <summary>Elements of <paramref name="whenTrue"/> where the condition holds, of <paramref name="whenFalse"/> elsewhere.</summary>
    public static Tensor Where(Tensor condition, Tensor whenTrue, Tensor whenFalse)
    {
        ArgumentNullException.ThrowIfNull(condition);
        ArgumentNullException.ThrowIfNull(whenTrue);
        ArgumentNullException.ThrowIfNull(whenFalse);
        return NativeResult.Tensor(Interop.Shim.edge_where(condition.Handle, whenTrue.Handle, whenFalse.Handle));
    }

    /// <summary>Einstein summation, e.g. <c>Einsum("bij,bjk-&gt;bik", a, b)</c>.</summary>
    public static unsafe Tensor Einsum(string equation, params Tensor[] tensors)
    {
        ArgumentNullException.ThrowIfNull(equation);
        using var pinned = new PinnedHandles(tensors);
        fixed (nint* p = pinned.Pointers)
        {
            return NativeResult.Tensor(Interop.Shim.edge_einsum(equation, p, pinned.Count));
        }
    }
}
