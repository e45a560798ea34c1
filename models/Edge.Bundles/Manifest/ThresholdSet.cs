using System.Text.Json;
using Edge.Bundles.Json;

namespace Edge.Bundles.Manifest;

/// <summary>
/// Calibrated alarm thresholds: a frame alarms when its image score is strictly greater than
/// <see cref="Image"/>; a pixel is part of a defect when its map value is strictly greater than <see cref="Pixel"/>.
/// </summary>
public sealed record ThresholdSet
{
    public required double Image { get; init; }

    public required double Pixel { get; init; }

    /// <summary>Optional per-product-class thresholds, keyed by a name from the manifest's class names.</summary>
    public IReadOnlyDictionary<string, ClassThresholds>? PerClass { get; init; }

    /// <summary>The image threshold an image of <paramref name="productClass"/> alarms over: its class's where calibrated, else the pooled one.</summary>
    public double ImageFor(string productClass) => PerClass?.GetValueOrDefault(productClass)?.Image ?? Image;

    internal static ThresholdSet Read(JsonObjectReader r) => new()
    {
        Image = r.Number("image"),
        Pixel = r.Number("pixel"),
        PerClass = r.OptionalMap("perClass", (e, p) =>
            JsonObjectReader.ForObject(e, p, r.Problems) is { } c ? ClassThresholds.Read(c) : new ClassThresholds { Image = 0, Pixel = 0 }),
    };

    internal void Write(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteNumber("image", Image);
        w.WriteNumber("pixel", Pixel);
        if (PerClass is not null)
        {
            w.WriteMap("perClass", PerClass, (writer, value) => value.Write(writer));
        }
        w.WriteEndObject();
    }
}
