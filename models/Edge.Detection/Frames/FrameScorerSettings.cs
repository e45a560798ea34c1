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

    /// <summary>
    /// A tiled bundle's most tiles per run of the graphs (the batch dimension N they are bound with); a frame of more
    /// tiles takes several runs with the tiles shared evenly among them. More uses more memory and, on a GPU, fewer
    /// launches. Whole-image bundles run one input at a time.
    /// </summary>
    public int MaxTileBatch { get; init; } = DefaultMaxTileBatch;

    public const int DefaultMaxTileBatch = 16;

    /// <summary>How messages name the scorer's owner, e.g. "camera line1"; null = no prefix.</summary>
    public string? Label { get; init; }
}
