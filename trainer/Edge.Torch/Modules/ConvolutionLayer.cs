namespace Edge.Torch.Modules;

/// <summary>
/// A convolution (plain or transposed) over 2 or 3 spatial dimensions. The weight is (out, in / groups, k...)
/// for plain and (in, out / groups, k...) for transposed convolutions, as in PyTorch; the settings are
/// exposed per spatial dimension for exporters.
/// </summary>
public abstract class ConvolutionLayer : Layer
{
    private readonly long[] stride;
    private readonly long[] padding;
    private readonly long[] dilation;
    private readonly long[] outputPadding;

    protected ConvolutionLayer(long inChannels, long outChannels, long[] kernelSize, long[] stride, long[] padding, long[] dilation,
        long[] outputPadding, long groups, bool bias, bool transposed)
    {
        ArgumentNullException.ThrowIfNull(kernelSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(groups);
        if (inChannels % groups != 0 || outChannels % groups != 0)
        {
            throw new ArgumentException($"in ({inChannels}) and out ({outChannels}) channels must both be divisible by groups ({groups})");
        }
        InChannels = inChannels;
        OutChannels = outChannels;
        KernelSize = kernelSize;
        this.stride = stride;
        this.padding = padding;
        this.dilation = dilation;
        this.outputPadding = outputPadding;
        Groups = groups;
        Transposed = transposed;
        long[] shape = transposed ? [inChannels, outChannels / groups, .. kernelSize] : [outChannels, inChannels / groups, .. kernelSize];
        var fanIn = Initialization.FanIn(shape);
        Weight = RegisterParameter("weight", Initialization.UniformFanIn(shape, fanIn));
        if (bias)
        {
            Bias = RegisterParameter("bias", Initialization.UniformFanIn([outChannels], fanIn));
        }
    }

    public long InChannels { get; }

    public long OutChannels { get; }

    public IReadOnlyList<long> KernelSize { get; }

    public IReadOnlyList<long> Stride => stride;

    public IReadOnlyList<long> Padding => padding;

    public IReadOnlyList<long> Dilation => dilation;

    public IReadOnlyList<long> OutputPadding => outputPadding;

    public long Groups { get; }

    public bool Transposed { get; }

    public Tensor Weight { get; }

    public Tensor? Bias { get; }

    public override Tensor Forward(Tensor input) =>
        Functional.Convolution(input, Weight, Bias, stride, padding, dilation, Groups, Transposed, outputPadding);

    /// <summary>One value per spatial dimension, from a single value or an explicit list.</summary>
    protected static long[] PerDimension(long[]? values, long fallback, int rank, string name)
    {
        if (values is null)
        {
            return Enumerable.Repeat(fallback, rank).ToArray();
        }
        if (values.Length == 1)
        {
            return Enumerable.Repeat(values[0], rank).ToArray();
        }
        if (values.Length != rank)
        {
            throw new ArgumentException($"{name} needs 1 or {rank} values, got {values.Length}", name);
        }
        return values;
    }
}
