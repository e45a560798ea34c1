using Edge.Imaging;

namespace Edge.Detection.Frames;

/// <summary>What a camera (or any caller) tells a <see cref="FrameScorer"/> about its frames.</summary>
public sealed record FrameScorerSettings
{
    /// <summary>The part of the frame the model sees, in frame pixels; null = the whole frame.</summary>
    public PixelRect? Crop { get; init; }

    /// <summary>Regions of interest in frame pixels; empty = the whole frame counts.</summary>
    public IReadOnlyList<RoiPolygon> Roi { get; init; } = [];

    /// <summary>One of the bundle's class names (the prior's class token and the per-class thresholds); null = the first.</summary>
    public string? ProductClass { get; init; }

    /// <summary>A configured image threshold, winning over the bundle's; null = the bundle's (its class's, else pooled).</summary>
    public double? ImageThreshold { get; init; }

    /// <summary>How messages name the scorer's owner, e.g. "camera line1"; null = no prefix.</summary>
    public string? Label { get; init; }
}
