namespace Edge.Torch.Modules;

/// <summary>3-D convolution over (N, C, T, H, W) inputs, as PyTorch's nn.Conv3d.</summary>
public sealed class Conv3d : ConvolutionLayer
{
    public Conv3d(long inChannels, long outChannels, long kernelSize, long stride = 1, long padding = 0, long dilation = 1, long groups = 1, bool bias = true)
        : this(inChannels, outChannels, [kernelSize], [stride], [padding], [dilation], groups, bias)
    {
    }

    /// <summary>Per-dimension settings: each list has 1 (applies to all) or 3 values.</summary>
    public Conv3d(long inChannels, long outChannels, long[] kernelSize, long[]? stride = null, long[]? padding = null, long[]? dilation = null, long groups = 1, bool bias = true)
        : base(inChannels, outChannels, PerDimension(kernelSize, 1, 3, nameof(kernelSize)), PerDimension(stride, 1, 3, nameof(stride)),
            PerDimension(padding, 0, 3, nameof(padding)), PerDimension(dilation, 1, 3, nameof(dilation)), new long[3], groups, bias, transposed: false)
    {
    }
}
