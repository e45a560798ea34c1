using Edge.Torch.Native;

namespace Edge.Torch;

/// <summary>
/// A libtorch tensor. Each instance owns one native handle (a <see cref="System.Runtime.InteropServices.SafeHandle"/>);
/// <see cref="Dispose"/> releases it at once, the garbage collector releases it otherwise. Tensors made
/// while a <see cref="DisposeScope"/> is open on the thread are disposed with that scope.
/// Operations return new tensors (views share storage, as in PyTorch); methods ending in InPlace modify this one.
/// A tensor may be read from several threads, but grad mode, autocast and dispose scopes are per thread.
/// </summary>
public sealed partial class Tensor : IDisposable
{
    private readonly TensorHandle handle;

    internal Tensor(TensorHandle handle)
    {
        this.handle = handle;
        DisposeScope.Current?.Track(this);
    }

    /// <summary>Whether <see cref="Dispose"/> has run; any further use throws <see cref="ObjectDisposedException"/>.</summary>
    public bool IsDisposed => handle.IsClosed;

    internal DisposeScope? Scope { get; set; }

    internal TensorHandle Handle
    {
        get
        {
            ObjectDisposedException.ThrowIf(handle.IsClosed, this);
            return handle;
        }
    }

    /// <summary>Sizes of the dimensions, outermost first.</summary>
    public unsafe long[] Shape
    {
        get
        {
            var rank = Interop.Shim.edge_tensor_ndim(Handle);
            var sizes = new long[rank];
            fixed (long* p = sizes)
            {
                Interop.Shim.edge_tensor_shape(Handle, p, rank);
            }
            return sizes;
        }
    }

    /// <summary>Number of dimensions.</summary>
    public int Dim => (int)Interop.Shim.edge_tensor_ndim(Handle);

    public long NumElements => Interop.Shim.edge_tensor_numel(Handle);

    public ScalarType DType => (ScalarType)Interop.Shim.edge_tensor_dtype(Handle);

    public Device Device
    {
        get
        {
            NativeResult.Check(Interop.Shim.edge_tensor_device(Handle, out var type, out var index));
            return new Device((DeviceType)type, index);
        }
    }

    public bool IsContiguous => Interop.Shim.edge_tensor_is_contiguous(Handle) != 0;

    /// <summary>Size of one dimension (negative counts from the end).</summary>
    public long Size(int dimension)
    {
        var shape = Shape;
        var index = dimension < 0 ? dimension + shape.Length : dimension;
        if (index < 0 || index >= shape.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(dimension), dimension, $"tensor has {shape.Length} dimensions");
        }
        return shape[index];
    }

    /// <summary>Whether both objects refer to the same libtorch tensor (same data and autograd identity).</summary>
    public bool IsSameAs(Tensor other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Interop.Shim.edge_tensor_same(Handle, other.Handle) != 0;
    }

    /// <summary>Keeps this tensor alive past the end of its dispose scope; the caller disposes it.</summary>
    public Tensor DetachFromDisposeScope()
    {
        Scope?.Forget(this);
        return this;
    }

    /// <summary>Moves this tensor to the scope enclosing its current one (or out of all scopes).</summary>
    public Tensor MoveToOuterDisposeScope() => Scope is { } scope ? scope.MoveToOuter(this) : this;

    public void Dispose()
    {
        if (handle.IsClosed)
        {
            return;
        }
        Scope?.Forget(this);
        handle.Dispose();
    }

    public override string ToString() =>
        IsDisposed ? "Tensor(disposed)" : $"Tensor(shape=[{string.Join(", ", Shape)}], dtype={DType}, device={Device})";

    internal static TensorHandle HandleOrNull(Tensor? tensor) => tensor is null ? TensorHandle.Null : tensor.Handle;
}
