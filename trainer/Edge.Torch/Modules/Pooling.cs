namespace Edge.Torch.Modules;

/// <summary>
/// Max or average pooling over 2 or 3 spatial dimensions (nn.MaxPool2d, AvgPool2d, MaxPool3d, AvgPool3d):
/// the same kernel size, stride (default: the kernel size) and padding in every spatial dimension.
/// </summary>
public sealed class Pooling : Layer
{
    private readonly long[] kernel;
    private readonly long[] stride;
    private readonly long[] padding;
    private readonly long[] dilation;

    public Pooling(PoolKind kind, int rank, long kernelSize, long? stride = null, long padding = 0, bool ceilMode = false, bool countIncludePad = true)
    {
        if (rank is < 1 or > 3)
        {
            throw new ArgumentOutOfRangeException(nameof(rank), rank, "pooling works over 1 to 3 spatial dimensions");
        }
        Kind = kind;
        Rank = rank;
        CeilMode = ceilMode;
        CountIncludePad = countIncludePad;
        kernel = Enumerable.Repeat(kernelSize, rank).ToArray();
        this.stride = Enumerable.Repeat(stride ?? kernelSize, rank).ToArray();
        this.padding = Enumerable.Repeat(padding, rank).ToArray();
        dilation = Enumerable.Repeat(1L, rank).ToArray();
    }

    public PoolKind Kind { get; }

    public int Rank { get; }

    public IReadOnlyList<long> KernelSize => kernel;

    public IReadOnlyList<long> Stride => stride;

    public IReadOnlyList<long> Padding => padding;

    public bool CeilMode { get; }

    public bool CountIncludePad { get; }

    public static Pooling MaxPool2d(long kernelSize, long? stride = null, long padding = 0) => new(PoolKind.Max, 2, kernelSize, stride, padding);

    public static Pooling AvgPool2d(long kernelSize, long? stride = null, long padding = 0) => new(PoolKind.Average, 2, kernelSize, stride, padding);

    public static Pooling MaxPool3d(long kernelSize, long? stride = null, long padding = 0) => new(PoolKind.Max, 3, kernelSize, stride, padding);

    public static Pooling AvgPool3d(long kernelSize, long? stride = null, long padding = 0) => new(PoolKind.Average, 3, kernelSize, stride, padding);

    public override Tensor Forward(Tensor input) => Functional.Pool(input, Kind, kernel, stride, padding, dilation, CeilMode, CountIncludePad);
}
