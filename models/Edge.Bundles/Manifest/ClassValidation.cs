using System.Text.Json;
using Edge.Bundles.Json;

namespace Edge.Bundles.Manifest;

/// <summary>Validation figures of one product class.</summary>
public sealed record ClassValidation
{
    public required double ImageAuroc { get; init; }

    public double? PixelAuroc { get; init; }

    internal static ClassValidation Read(JsonObjectReader r)
    {
        var value = new ClassValidation
        {
            ImageAuroc = r.Number("imageAuroc", 0, 1),
            PixelAuroc = r.NullableNumber("pixelAuroc", 0, 1),
        };
        r.ReportUnknownProperties();
        return value;
    }

    internal void Write(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteNumber("imageAuroc", ImageAuroc);
        w.WriteNullableNumber("pixelAuroc", PixelAuroc);
        w.WriteEndObject();
    }
}
