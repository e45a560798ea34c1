using Edge.Torch.Native;

namespace Edge.Torch;

/// <summary>Slicing and index-based selection.</summary>
public sealed partial class Tensor
{
    /// <summary>Python's <c>x[start:end:step]</c> along <paramref name="dim"/>; a null end means "to the end". A view.</summary>
    public Tensor Slice(long dim, long start, long? end = null, long step = 1) =>
        NativeResult.Tensor(Interop.Shim.edge_slice(Handle, dim, start, end ?? 0, end.HasValue ? 1 : 0, step));

    public Tensor Narrow(long dim, long start, long length) => NativeResult.Tensor(Interop.Shim.edge_narrow(Handle, dim, start, length));

    /// <summary>The slice at <paramref name="index"/> of <paramref name="dim"/>, with that dimension removed.</summary>
    public Tensor Select(long dim, long index) => NativeResult.Tensor(Interop.Shim.edge_select(Handle, dim, index));

    /// <summary>The entries at the int64 <paramref name="index"/> positions along <paramref name="dim"/>.</summary>
    public Tensor IndexSelect(long dim, Tensor index)
    {
        ArgumentNullException.ThrowIfNull(index);
        return NativeResult.Tensor(Interop.Shim.edge_index_select(Handle, dim, index.Handle));
    }

    /// <summary>out[i][j] = this[index[i][j]][j] for dim 0 (and likewise for other dims).</summary>
    public Tensor Gather(long dim, Tensor index)
    {
        ArgumentNullException.ThrowIfNull(index);
        return NativeResult.Tensor(Interop.Shim.edge_gather(Handle, dim, index.Handle));
    }

    /// <summary>A copy with the <paramref name="source"/> values written at <paramref name="index"/> along <paramref name="dim"/>.</summary>
    public Tensor Scatter(long dim, Tensor index, Tensor source)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(source);
        return NativeResult.Tensor(Interop.Shim.edge_scatter(Handle, dim, index.Handle, source.Handle, 0));
    }

    /// <summary>A copy with <paramref name="value"/> written at <paramref name="index"/> along <paramref name="dim"/>.</summary>
    public Tensor Scatter(long dim, Tensor index, double value)
    {
        ArgumentNullException.ThrowIfNull(index);
        return NativeResult.Tensor(Interop.Shim.edge_scatter_value(Handle, dim, index.Handle, value));
    }

    /// <summary>A copy with the <paramref name="source"/> values added at <paramref name="index"/> along <paramref name="dim"/>.</summary>
    public Tensor ScatterAdd(long dim, Tensor index, Tensor source)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(source);
        return NativeResult.Tensor(Interop.Shim.edge_scatter(Handle, dim, index.Handle, source.Handle, 1));
    }

    /// <summary>One-hot encoding of an int64 tensor (a new last dimension of <paramref name="classCount"/>, -1 = max + 1).</summary>
    public Tensor OneHot(long classCount = -1) => NativeResult.Tensor(Interop.Shim.edge_one_hot(Handle, classCount));
}
