using System.Runtime.CompilerServices;
using Edge.Torch.Native;

namespace Edge.Torch;

public sealed partial class Tensor
{
    /// <summary>Copies the data into a new tensor of the given shape (row-major order).</summary>
    public static Tensor FromArray(ReadOnlySpan<float> data, ReadOnlySpan<long> shape, Device? device = null, bool requiresGrad = false) =>
        FromSpan(data, ScalarType.Float32, shape, device, requiresGrad);

    public static Tensor FromArray(ReadOnlySpan<double> data, ReadOnlySpan<long> shape, Device? device = null, bool requiresGrad = false) =>
        FromSpan(data, ScalarType.Float64, shape, device, requiresGrad);

    public static Tensor FromArray(ReadOnlySpan<long> data, ReadOnlySpan<long> shape, Device? device = null) =>
        FromSpan(data, ScalarType.Int64, shape, device, requiresGrad: false);

    public static Tensor FromArray(ReadOnlySpan<int> data, ReadOnlySpan<long> shape, Device? device = null) =>
        FromSpan(data, ScalarType.Int32, shape, device, requiresGrad: false);

    public static Tensor FromArray(ReadOnlySpan<bool> data, ReadOnlySpan<long> shape, Device? device = null) =>
        FromSpan(data, ScalarType.Bool, shape, device, requiresGrad: false);

    public static Tensor FromArray(ReadOnlySpan<byte> data, ReadOnlySpan<long> shape, Device? device = null) =>
        FromSpan(data, ScalarType.Byte, shape, device, requiresGrad: false);

    /// <summary>A tensor from raw little-endian element bytes of any supported type (used by the state file reader).</summary>
    public static unsafe Tensor FromBytes(ReadOnlySpan<byte> data, ScalarType type, ReadOnlySpan<long> shape, Device? device = null)
    {
        var (deviceType, deviceIndex) = Split(device);
        fixed (byte* d = data)
        fixed (long* s = shape)
        {
            return NativeResult.Tensor(Interop.Shim.edge_tensor_from_data(d, data.Length, (int)type, s, shape.Length, deviceType, deviceIndex, 0));
        }
    }

    /// <summary>A 0-dimensional tensor holding one value.</summary>
    public static Tensor Scalar(double value, ScalarType type = ScalarType.Float32, Device? device = null) =>
        Full([], value, type, device);

    public static Tensor Zeros(ReadOnlySpan<long> shape, ScalarType type = ScalarType.Float32, Device? device = null, bool requiresGrad = false) =>
        Full(shape, 0, type, device, requiresGrad);

    public static Tensor Ones(ReadOnlySpan<long> shape, ScalarType type = ScalarType.Float32, Device? device = null, bool requiresGrad = false) =>
        Full(shape, 1, type, device, requiresGrad);

    public static unsafe Tensor Full(ReadOnlySpan<long> shape, double value, ScalarType type = ScalarType.Float32, Device? device = null, bool requiresGrad = false)
    {
        var (deviceType, deviceIndex) = Split(device);
        fixed (long* s = shape)
        {
            return NativeResult.Tensor(Interop.Shim.edge_tensor_full(s, shape.Length, value, (int)type, deviceType, deviceIndex, requiresGrad ? 1 : 0));
        }
    }

    /// <summary>A tensor with unspecified contents.</summary>
    public static unsafe Tensor Empty(ReadOnlySpan<long> shape, ScalarType type = ScalarType.Float32, Device? device = null)
    {
        var (deviceType, deviceIndex) = Split(device);
        fixed (long* s = shape)
        {
            return NativeResult.Tensor(Interop.Shim.edge_tensor_empty(s, shape.Length, (int)type, deviceType, deviceIndex));
        }
    }

    /// <summary>Uniform on [0, 1), from libtorch's generator (see <see cref="LibTorch.ManualSeed"/>).</summary>
    public static Tensor Rand(ReadOnlySpan<long> shape, ScalarType type = ScalarType.Float32, Device? device = null) =>
        Random(RandomKind.Uniform, 0, 1, shape, type, device);

    /// <summary>Standard normal.</summary>
    public static Tensor Randn(ReadOnlySpan<long> shape, ScalarType type = ScalarType.Float32, Device? device = null) =>
        Random(RandomKind.Normal, 0, 1, shape, type, device);

    public static Tensor Uniform(ReadOnlySpan<long> shape, double low, double high, ScalarType type = ScalarType.Float32, Device? device = null) =>
        Random(RandomKind.Uniform, low, high, shape, type, device);

    public static Tensor Normal(ReadOnlySpan<long> shape, double mean, double std, ScalarType type = ScalarType.Float32, Device? device = null) =>
        Random(RandomKind.Normal, mean, std, shape, type, device);

    /// <summary>Integers uniform on [low, high), as int64.</summary>
    public static Tensor RandInt(long low, long high, ReadOnlySpan<long> shape, Device? device = null) =>
        Random(RandomKind.Integer, low, high, shape, ScalarType.Int64, device);

    /// <summary>Ones with probability <paramref name="p"/>, zeros otherwise.</summary>
    public static Tensor Bernoulli(ReadOnlySpan<long> shape, double p, ScalarType type = ScalarType.Float32, Device? device = null) =>
        Random(RandomKind.Bernoulli, p, 0, shape, type, device);

    /// <summary>Values from start (inclusive) to end (exclusive) by step.</summary>
    public static Tensor Arange(double start, double end, double step = 1, ScalarType type = ScalarType.Int64, Device? device = null)
    {
        var (deviceType, deviceIndex) = Split(device);
        return NativeResult.Tensor(Interop.Shim.edge_tensor_arange(start, end, step, (int)type, deviceType, deviceIndex));
    }

    public static Tensor Linspace(double start, double end, long steps, ScalarType type = ScalarType.Float32, Device? device = null)
    {
        var (deviceType, deviceIndex) = Split(device);
        return NativeResult.Tensor(Interop.Shim.edge_tensor_linspace(start, end, steps, (int)type, deviceType, deviceIndex));
    }

    public static Tensor Eye(long n, ScalarType type = ScalarType.Float32, Device? device = null)
    {
        var (deviceType, deviceIndex) = Split(device);
        return NativeResult.Tensor(Interop.Shim.edge_tensor_eye(n, (int)type, deviceType, deviceIndex));
    }

    public Tensor ZerosLike() => FullLike(0);

    public Tensor OnesLike() => FullLike(1);

    /// <summary>Same shape, dtype and device, filled with <paramref name="value"/>.</summary>
    public Tensor FullLike(double value) => NativeResult.Tensor(Interop.Shim.edge_tensor_full_like(Handle, value));

    public Tensor RandLike() => RandomLike(RandomKind.Uniform, 0, 1);

    public Tensor RandnLike() => RandomLike(RandomKind.Normal, 0, 1);

    public Tensor UniformLike(double low, double high) => RandomLike(RandomKind.Uniform, low, high);

    /// <summary>Refills this tensor from U(low, high), outside autograd (parameter initialisation).</summary>
    public Tensor UniformInPlace(double low, double high) => RandomInPlace(RandomKind.Uniform, low, high);

    /// <summary>Refills this tensor from N(mean, std^2), outside autograd.</summary>
    public Tensor NormalInPlace(double mean, double std) => RandomInPlace(RandomKind.Normal, mean, std);

    internal static (int Type, int Index) Split(Device? device)
    {
        var d = device ?? Device.Cpu;
        return ((int)d.Type, d.Index);
    }

    private static unsafe Tensor FromSpan<T>(ReadOnlySpan<T> data, ScalarType type, ReadOnlySpan<long> shape, Device? device, bool requiresGrad, [CallerMemberName] string operation = "")
        where T : unmanaged
    {
        var (deviceType, deviceIndex) = Split(device);
        fixed (T* d = data)
        fixed (long* s = shape)
        {
            return NativeResult.Tensor(Interop.Shim.edge_tensor_from_data(d, (long)data.Length * sizeof(T), (int)type, s, shape.Length, deviceType, deviceIndex, requiresGrad ? 1 : 0), operation);
        }
    }

    private static unsafe Tensor Random(RandomKind kind, double a, double b, ReadOnlySpan<long> shape, ScalarType type, Device? device, [CallerMemberName] string operation = "")
    {
        var (deviceType, deviceIndex) = Split(device);
        fixed (long* s = shape)
        {
            return NativeResult.Tensor(Interop.Shim.edge_tensor_random((int)kind, a, b, s, shape.Length, (int)type, deviceType, deviceIndex, 0), operation);
        }
    }

    private Tensor RandomLike(RandomKind kind, double a, double b, [CallerMemberName] string operation = "") =>
        NativeResult.Tensor(Interop.Shim.edge_tensor_random_like(Handle, (int)kind, a, b), operation);

    private Tensor RandomInPlace(RandomKind kind, double a, double b, [CallerMemberName] string operation = "")
    {
        NativeResult.Check(Interop.Shim.edge_tensor_random_(Handle, (int)kind, a, b), operation);
        return this;
    }
}
