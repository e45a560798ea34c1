namespace Edge.Torch.Modules;

/// <summary>Scales the spatial dimensions by <see cref="ScaleFactor"/> (nn.Upsample).</summary>
public sealed class Upsample : Layer
{
    public Upsample(double scaleFactor, InterpolationMode mode = InterpolationMode.Nearest, bool alignCorners = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(scaleFactor);
        ScaleFactor = scaleFactor;
        Mode = mode;
        AlignCorners = alignCorners;
    }

    public double ScaleFactor { get; }

    public InterpolationMode Mode { get; }

    public bool AlignCorners { get; }

    public override Tensor Forward(Tensor input) => Functional.Interpolate(input, ScaleFactor, Mode, AlignCorners);
}
