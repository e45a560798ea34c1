using Edge.Torch.Native;

namespace Edge.Torch;

public static partial class Functional
{
    /// <summary>Max pooling over (N, C, H, W); the stride defaults to the kernel size.</summary>
    public static Tensor MaxPool2d(Tensor input, long kernelSize, long? stride = null, long padding = 0, long dilation = 1, bool ceilMode = false) =>
        Pool(input, PoolKind.Max, Repeat(kernelSize, 2), Repeat(stride ?? kernelSize, 2), Repeat(padding, 2), Repeat(dilation, 2), ceilMode, true);

    /// <summary>Max pooling over (N, C, T, H, W); the stride defaults to the kernel size.</summary>
    public static Tensor MaxPool3d(Tensor input, long kernelSize, long? stride = null, long padding = 0, long dilation = 1, bool ceilMode = false) =>
        Pool(input, PoolKind.Max, Repeat(kernelSize, 3), Repeat(stride ?? kernelSize, 3), Repeat(padding, 3), Repeat(dilation, 3), ceilMode, true);

    public static Tensor AvgPool2d(Tensor input, long kernelSize, long? stride = null, long padding = 0, bool ceilMode = false, bool countIncludePad = true) =>
        Pool(input, PoolKind.Average, Repeat(kernelSize, 2), Repeat(stride ?? kernelSize, 2), Repeat(padding, 2), Repeat(1, 2), ceilMode, countIncludePad);

    public static Tensor AvgPool3d(Tensor input, long kernelSize, long? stride = null, long padding = 0, bool ceilMode = false, bool countIncludePad = true) =>
        Pool(input, PoolKind.Average, Repeat(kernelSize, 3), Repeat(stride ?? kernelSize, 3), Repeat(padding, 3), Repeat(1, 3), ceilMode, countIncludePad);

    /// <summary>Pooling with per-dimension kernel, stride, padding and dilation (1 to 3 spatial dimensions).</summary>
    public static unsafe Tensor Pool(Tensor input, PoolKind kind, ReadOnlySpan<long> kernelSize, ReadOnlySpan<long> stride, ReadOnlySpan<long> padding,
        ReadOnlySpan<long> dilation, bool ceilMode = false, bool countIncludePad = true)
    {
        ArgumentNullException.ThrowIfNull(input);
        var rank = kernelSize.Length;
        if (stride.Length != rank || padding.Length != rank || dilation.Length != rank)
        {
            throw new ArgumentException($"kernel, stride, padding and dilation need {rank} entries each (one per spatial dimension)");
        }
        fixed (long* k = kernelSize)
        fixed (long* s = stride)
        fixed (long* p = padding)
        fixed (long* d = dilation)
        {
            return NativeResult.Tensor(Interop.Shim.edge_pool(input.Handle, (int)kind, rank, k, s, p, d, ceilMode ? 1 : 0, countIncludePad ? 1 : 0));
        }
    }

    /// <summary>Average pooling to a fixed output size per spatial dimension (e.g. [1, 1] for global pooling).</summary>
    public static unsafe Tensor AdaptiveAvgPool(Tensor input, ReadOnlySpan<long> outputSize)
    {
        ArgumentNullException.ThrowIfNull(input);
        fixed (long* s = outputSize)
        {
            return NativeResult.Tensor(Interop.Shim.edge_adaptive_avg_pool(input.Handle, s, outputSize.Length));
        }
    }

    private static long[] Repeat(long value, int count) => Enumerable.Repeat(value, count).ToArray();
}
