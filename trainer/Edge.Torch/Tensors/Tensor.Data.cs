using Edge.Torch.Native;

namespace Edge.Torch;

public sealed partial class Tensor
{
    /// <summary>The elements converted to float32, row-major (copied from any device).</summary>
    public float[] ToFloatArray() => CopyOut<float>(ScalarType.Float32);

    public double[] ToDoubleArray() => CopyOut<double>(ScalarType.Float64);

    public long[] ToInt64Array() => CopyOut<long>(ScalarType.Int64);

    public int[] ToInt32Array() => CopyOut<int>(ScalarType.Int32);

    public bool[] ToBoolArray() => CopyOut<bool>(ScalarType.Bool);

    /// <summary>The raw little-endian element bytes in this tensor's own dtype, row-major.</summary>
    public byte[] ToBytes() => CopyOut<byte>(DType, DType.ElementSize());

    /// <summary>Copies the elements, converted to float32, into <paramref name="destination"/> (exactly <see cref="NumElements"/> long).</summary>
    public unsafe void CopyTo(Span<float> destination)
    {
        fixed (float* d = destination)
        {
            NativeResult.Check(Interop.Shim.edge_tensor_copy_to(Handle, d, (long)destination.Length * sizeof(float), (int)ScalarType.Float32));
        }
    }

    /// <summary>The value of a one-element tensor.</summary>
    public double Item()
    {
        NativeResult.Check(Interop.Shim.edge_tensor_item(Handle, out var value));
        return value;
    }

    public long ItemInt64()
    {
        NativeResult.Check(Interop.Shim.edge_tensor_item_int64(Handle, out var value));
        return value;
    }

    public Tensor To(Device device) => NativeResult.Tensor(Interop.Shim.edge_tensor_to(Handle, -1, (int)device.Type, device.Index));

    public Tensor To(ScalarType type) => NativeResult.Tensor(Interop.Shim.edge_tensor_to(Handle, (int)type, -1, -1));

    public Tensor To(ScalarType type, Device device) =>
        NativeResult.Tensor(Interop.Shim.edge_tensor_to(Handle, (int)type, (int)device.Type, device.Index));

    public Tensor Float() => To(ScalarType.Float32);

    public Tensor Double() => To(ScalarType.Float64);

    public Tensor Long() => To(ScalarType.Int64);

    public Tensor Clone() => NativeResult.Tensor(Interop.Shim.edge_tensor_clone(Handle));

    public Tensor Contiguous() => NativeResult.Tensor(Interop.Shim.edge_tensor_contiguous(Handle));

    /// <summary>A second handle on this very tensor (same data, same autograd identity), disposed independently.</summary>
    public Tensor Alias() => NativeResult.Tensor(Interop.Shim.edge_tensor_alias(Handle));

    /// <summary>Copies <paramref name="source"/> (broadcast, converted) into this tensor in place.</summary>
    public Tensor CopyFromInPlace(Tensor source)
    {
        ArgumentNullException.ThrowIfNull(source);
        NativeResult.Check(Interop.Shim.edge_tensor_copy_(Handle, source.Handle));
        return this;
    }

    public Tensor FillInPlace(double value)
    {
        NativeResult.Check(Interop.Shim.edge_tensor_fill_(Handle, value));
        return this;
    }

    public Tensor ZeroInPlace() => FillInPlace(0);

    /// <summary>Replaces this tensor's data (shape, dtype, device) while keeping its identity, as PyTorch's <c>param.data = ...</c>.</summary>
    internal void SetData(Tensor source) => NativeResult.Check(Interop.Shim.edge_tensor_set_data(Handle, source.Handle));

    private unsafe T[] CopyOut<T>(ScalarType type, int elementSize = 0)
        where T : unmanaged
    {
        var count = NumElements * (elementSize == 0 ? 1 : elementSize);
        var result = new T[count];
        fixed (T* d = result)
        {
            NativeResult.Check(Interop.Shim.edge_tensor_copy_to(Handle, d, count * sizeof(T), (int)type));
        }
        return result;
    }
}
