namespace Edge.Torch.Modules;

/// <summary>Average pooling to a fixed spatial output size, e.g. [1, 1] for global pooling (nn.AdaptiveAvgPool2d/3d).</summary>
public sealed class AdaptiveAvgPool : Layer
{
    private readonly long[] outputSize;

    public AdaptiveAvgPool(params long[] outputSize)
    {
        ArgumentNullException.ThrowIfNull(outputSize);
        this.outputSize = outputSize;
    }

    public IReadOnlyList<long> OutputSize => outputSize;

    public override Tensor Forward(Tensor input) => Functional.AdaptiveAvgPool(input, outputSize);
}
