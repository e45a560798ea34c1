namespace Edge.Bundles.Manifest;

/// <summary>How the squared reconstruction error of a pixel's channels becomes one value.</summary>
public enum ChannelReduction
{
    /// <summary>Sum over channels (the squared L2 distance of the pixel vectors). JSON <c>"sum"</c>.</summary>
    Sum,

    /// <summary>Mean over channels (grey and colour models on one scale). JSON <c>"mean"</c>.</summary>
    Mean,
}
