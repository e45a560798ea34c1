namespace Edge.Torch.Modules;

/// <summary>2-D convolution over (N, C, H, W) inputs, as PyTorch's nn.Conv2d.</summary>
public sealed class Conv2d : ConvolutionLayer
{
    public Conv2d(long inChannels, long outChannels, long kernelSize, long stride = 1, long padding = 0, long dilation = 1, long groups = 1, bool bias = true)
        : this(inChannels, outChannels, [kernelSize], [stride], [padding], [dilation], groups, bias)
    {
    }

    /// <summary>Per-dimension settings: each list has 1 (applies to all) or 2 values.</summary>
    public Conv2d(long inChannels, long outChannels, long[] kernelSize, long[]? stride = null, long[]? padding = null, long[]? dilation = null, long groups = 1, bool bias = true)
        : base(inChannels, outChannels, PerDimension(kernelSize, 1, 2, nameof(kernelSize)), PerDimension(stride, 1, 2, nameof(stride)),
            PerDimension(padding, 0, 2, nameof(padding)), PerDimension(dilation, 1, 2, nameof(dilation)), new long[2], groups, bias, transposed: false)
    {
    }
}
