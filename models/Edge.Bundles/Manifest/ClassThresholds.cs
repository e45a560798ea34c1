using System.Text.Json;
using Edge.Bundles.Json;

namespace Edge.Bundles.Manifest;

/// <summary>The image and pixel thresholds of one product class.</summary>
public sealed record ClassThresholds
{
    public required double Image { get; init; }

    public required double Pixel { get; init; }

    internal static ClassThresholds Read(JsonObjectReader r)
    {
        var value = new ClassThresholds { Image = r.Number("image"), Pixel = r.Number("pixel") };
        r.ReportUnknownProperties();
        return value;
    }

    internal void Write(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteNumber("image", Image);
        w.WriteNumber("pixel", Pixel);
        w.WriteEndObject();
    }
}
