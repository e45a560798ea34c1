using System.Runtime.InteropServices;
using Google.Protobuf;
using Onnx;

namespace Edge.Onnx.Building;

/// <summary>Makes ONNX tensors (for initializers and Constant nodes) from managed arrays.</summary>
public static class Tensors
{
    public static TensorProto Float(string name, ReadOnlySpan<float> data, params long[] shape) =>
        Make(name, ElementType.Float, MemoryMarshal.AsBytes(data), data.Length, shape);

    public static TensorProto Int64(string name, ReadOnlySpan<long> data, params long[] shape) =>
        Make(name, ElementType.Int64, MemoryMarshal.AsBytes(data), data.Length, shape);

    public static TensorProto Int32(string name, ReadOnlySpan<int> data, params long[] shape) =>
        Make(name, ElementType.Int32, MemoryMarshal.AsBytes(data), data.Length, shape);

    private static TensorProto Make(string name, ElementType type, ReadOnlySpan<byte> bytes, int count, long[] shape)
    {
        var expected = shape.Aggregate(1L, (a, b) => a * b);
        if (expected != count)
        {
            throw new ArgumentException(
                $"Tensor '{name}' has {count} values but its shape [{string.Join(", ", shape)}] holds {expected}.", nameof(shape));
        }
        // ONNX stores raw_data little-endian; so does every platform .NET runs this product on.
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("Writing ONNX tensors needs a little-endian machine.");
        }
        var tensor = new TensorProto { Name = name, DataType = (int)type, RawData = ByteString.CopyFrom(bytes) };
        tensor.Dims.AddRange(shape);
        return tensor;
    }
}
