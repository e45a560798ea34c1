namespace Edge.Bundles.Manifest;

/// <summary>How a smoothed anomaly map becomes one image score.</summary>
public enum ImageScoreReduction
{
    /// <summary>The map's largest value. JSON <c>"max"</c>.</summary>
    Max,

    /// <summary>A high quantile of the map (numpy's default linear interpolation). JSON <c>"quantile"</c>.</summary>
    Quantile,
}
