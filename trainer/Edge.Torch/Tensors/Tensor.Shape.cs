using Edge.Torch.Native;

namespace Edge.Torch;

/// <summary>Shape changes; most return views that share storage with this tensor, as in PyTorch.</summary>
public sealed partial class Tensor
{
    /// <summary>Same elements, new shape; one size may be -1 (inferred).</summary>
    public unsafe Tensor Reshape(params ReadOnlySpan<long> shape) => WithLongs(shape, &Interop.Shim.edge_reshape);

    public unsafe Tensor Permute(params ReadOnlySpan<long> dims) => WithLongs(dims, &Interop.Shim.edge_permute);

    public Tensor Transpose(long dim0, long dim1) => NativeResult.Tensor(Interop.Shim.edge_transpose(Handle, dim0, dim1));

    public Tensor Flatten(long startDim = 0, long endDim = -1) => NativeResult.Tensor(Interop.Shim.edge_flatten(Handle, startDim, endDim));

    public Tensor Unsqueeze(long dim) => NativeResult.Tensor(Interop.Shim.edge_unsqueeze(Handle, dim));

    /// <summary>Removes every size-1 dimension.</summary>
    public Tensor Squeeze() => NativeResult.Tensor(Interop.Shim.edge_squeeze(Handle, 0, 0));

    /// <summary>Removes dimension <paramref name="dim"/> if its size is 1.</summary>
    public Tensor Squeeze(long dim) => NativeResult.Tensor(Interop.Shim.edge_squeeze(Handle, dim, 1));

    /// <summary>Broadcasts size-1 dimensions to the given sizes (-1 keeps a size) without copying.</summary>
    public unsafe Tensor Expand(params ReadOnlySpan<long> shape) => WithLongs(shape, &Interop.Shim.edge_expand);

    /// <summary>Tiles the tensor (copying) the given number of times along each dimension.</summary>
    public unsafe Tensor Repeat(params ReadOnlySpan<long> repeats) => WithLongs(repeats, &Interop.Shim.edge_repeat);

    public unsafe Tensor Flip(params ReadOnlySpan<long> dims) => WithLongs(dims, &Interop.Shim.edge_flip);

    public unsafe Tensor Roll(ReadOnlySpan<long> shifts, ReadOnlySpan<long> dims)
    {
        if (shifts.Length != dims.Length)
        {
            throw new ArgumentException($"roll needs one shift per dimension, got {shifts.Length} shifts for {dims.Length} dimensions", nameof(shifts));
        }
        fixed (long* s = shifts)
        fixed (long* d = dims)
        {
            return NativeResult.Tensor(Interop.Shim.edge_roll(Handle, s, d, dims.Length));
        }
    }

    /// <summary>Lower triangle (elements above the <paramref name="diagonal"/> zeroed) of the last two dimensions.</summary>
    public Tensor Tril(long diagonal = 0) => NativeResult.Tensor(Interop.Shim.edge_triangle(Handle, diagonal, 0));

    public Tensor Triu(long diagonal = 0) => NativeResult.Tensor(Interop.Shim.edge_triangle(Handle, diagonal, 1));

    /// <summary>Pieces of <paramref name="size"/> along <paramref name="dim"/> (the last may be smaller).</summary>
    public unsafe Tensor[] Split(long size, long dim = 0)
    {
        var capacity = size > 0 ? (Size((int)dim) + size - 1) / size : 0;
        var pieces = new nint[Math.Max(capacity, 1)];
        fixed (nint* p = pieces)
        {
            var count = NativeResult.CheckCount(Interop.Shim.edge_split(Handle, size, dim, p, pieces.Length));
            return WrapAll(pieces, count);
        }
    }

    /// <summary>At most <paramref name="chunks"/> nearly equal pieces along <paramref name="dim"/>.</summary>
    public unsafe Tensor[] Chunk(long chunks, long dim = 0)
    {
        var pieces = new nint[Math.Max(chunks, 1)];
        fixed (nint* p = pieces)
        {
            var count = NativeResult.CheckCount(Interop.Shim.edge_chunk(Handle, chunks, dim, p, pieces.Length));
            return WrapAll(pieces, count);
        }
    }

    // The shape operations that take one list of integers share this call pattern.
    private unsafe Tensor WithLongs(ReadOnlySpan<long> values, delegate*<TensorHandle, long*, long, TensorHandle> operation,
        [System.Runtime.CompilerServices.CallerMemberName] string name = "")
    {
        fixed (long* v = values)
        {
            return NativeResult.Tensor(operation(Handle, v, values.Length), name);
        }
    }

    private static Tensor[] WrapAll(nint[] pointers, long count)
    {
        var result = new Tensor[count];
        for (var i = 0; i < count; i++)
        {
            result[i] = new Tensor(new TensorHandle(pointers[i]));
        }
        return result;
    }
}
