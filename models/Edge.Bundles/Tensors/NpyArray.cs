using System.Runtime.InteropServices;

namespace Edge.Bundles.Tensors;

/// <summary>
/// A dense C-order tensor as stored in an .npy file: element type, shape and the raw little-endian bytes.
/// Typed views (<see cref="AsFloat32"/> ...) reinterpret the bytes without copying (all supported CPUs are little-endian).
/// </summary>
public sealed class NpyArray
{
    private readonly byte[] _data;
    private readonly int[] _shape;

    public NpyArray(NpyElementType elementType, ReadOnlySpan<int> shape, byte[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("Tensors are read and written on little-endian machines only.");
        }
        long count = 1;
        foreach (var dim in shape)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(dim, nameof(shape));
            count *= dim;
        }
        if (count * ElementSize(elementType) != data.Length)
        {
            throw new ArgumentException($"A {elementType} tensor of shape ({string.Join(", ", shape.ToArray())}) needs {count * ElementSize(elementType)} bytes, got {data.Length}.", nameof(data));
        }
        ElementType = elementType;
        _shape = shape.ToArray();
        _data = data;
        ElementCount = count;
    }

    public NpyElementType ElementType { get; }

    public IReadOnlyList<int> Shape => _shape;

    public long ElementCount { get; }

    public ReadOnlySpan<byte> Bytes => _data;

    public static NpyArray FromFloat32(ReadOnlySpan<float> values, params ReadOnlySpan<int> shape) =>
        new(NpyElementType.Float32, shape, MemoryMarshal.AsBytes(values).ToArray());

    public static NpyArray FromInt64(ReadOnlySpan<long> values, params ReadOnlySpan<int> shape) =>
        new(NpyElementType.Int64, shape, MemoryMarshal.AsBytes(values).ToArray());

    public ReadOnlySpan<float> AsFloat32() => View<float>(NpyElementType.Float32);

    public ReadOnlySpan<double> AsFloat64() => View<double>(NpyElementType.Float64);

    public ReadOnlySpan<int> AsInt32() => View<int>(NpyElementType.Int32);

    public ReadOnlySpan<long> AsInt64() => View<long>(NpyElementType.Int64);

    public ReadOnlySpan<byte> AsUInt8() => View<byte>(NpyElementType.UInt8);

    public static int ElementSize(NpyElementType type) => type switch
    {
        NpyElementType.Float32 or NpyElementType.Int32 => 4,
        NpyElementType.Float64 or NpyElementType.Int64 => 8,
        NpyElementType.UInt8 => 1,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown element type."),
    };

    private ReadOnlySpan<T> View<T>(NpyElementType expected)
        where T : struct
        => ElementType == expected
            ? MemoryMarshal.Cast<byte, T>(_data)
            : throw new InvalidOperationException($"The tensor holds {ElementType}, not {expected}.");
}
