namespace Edge.Imaging.Heatmaps;

/// <summary>How a score map is drawn: values from <see cref="Low"/> to <see cref="High"/> span the palette; <see cref="Opacity"/> of the colour over the frame.</summary>
public sealed record HeatmapStyle
{
    public float Low { get; init; }

    public float High { get; init; } = 1f;

    /// <summary>0 shows only the frame, 1 only the colours.</summary>
    public float Opacity { get; init; } = 0.5f;

    public void Validate()
    {
        if (!float.IsFinite(Low) || !float.IsFinite(High) || High <= Low)
        {
            throw new ArgumentException($"{nameof(High)} must be above {nameof(Low)}, both finite (got {Low} and {High}).");
        }
        if (!(Opacity >= 0f && Opacity <= 1f))
        {
            throw new ArgumentException($"{nameof(Opacity)} must be in [0, 1] (got {Opacity}).");
        }
    }
}
