namespace Edge.Torch.Modules;

/// <summary>Transposed 2-D convolution (an up-sampling layer) over (N, C, H, W) inputs, as PyTorch's nn.ConvTranspose2d.</summary>
public sealed class ConvTranspose2d : ConvolutionLayer
{
    public ConvTranspose2d(long inChannels, long outChannels, long kernelSize, long stride = 1, long padding = 0, long outputPadding = 0, long dilation = 1, long groups = 1, bool bias = true)
        : this(inChannels, outChannels, [kernelSize], [stride], [padding], [outputPadding], [dilation], groups, bias)
    {
    }

    /// <summary>Per-dimension settings: each list has 1 (applies to all) or 2 values.</summary>
    public ConvTranspose2d(long inChannels, long outChannels, long[] kernelSize, long[]? stride = null, long[]? padding = null, long[]? outputPadding = null, long[]? dilation = null, long groups = 1, bool bias = true)
        : base(inChannels, outChannels, PerDimension(kernelSize, 1, 2, nameof(kernelSize)), PerDimension(stride, 1, 2, nameof(stride)),
            PerDimension(padding, 0, 2, nameof(padding)), PerDimension(dilation, 1, 2, nameof(dilation)), PerDimension(outputPadding, 0, 2, nameof(outputPadding)), groups, bias, transposed: true)
    {
    }
}
