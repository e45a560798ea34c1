using System.Text.Json;
using Edge.Bundles.Json;

namespace Edge.Bundles.Manifest;

/// <summary>The distribution of scores on normal images that the thresholds were calibrated on.</summary>
public sealed record NormalStatistics
{
    /// <summary>Statistics of the image scores, one per normal image.</summary>
    public required ScoreStatistics Image { get; init; }

    /// <summary>Statistics of the smoothed map values over every pixel of the normal images.</summary>
    public required ScoreStatistics Pixel { get; init; }

    internal static NormalStatistics Read(JsonObjectReader r) => new()
    {
        Image = r.Object("image", ScoreStatistics.Read) ?? ScoreStatistics.Empty,
        Pixel = r.Object("pixel", ScoreStatistics.Read) ?? ScoreStatistics.Empty,
    };

    internal void Write(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WritePropertyName("image");
        Image.Write(w);
        w.WritePropertyName("pixel");
        Pixel.Write(w);
        w.WriteEndObject();
    }
}
