using System.Text.Json;
using Edge.Bundles.Json;

namespace Edge.Bundles.Manifest;

/// <summary>What <c>edge-train evaluate</c> measured on held-out data with this exact bundle.</summary>
public sealed record ValidationMetrics
{
    public required double ImageAuroc { get; init; }

    /// <summary>Null when the data set had no pixel masks.</summary>
    public double? PixelAuroc { get; init; }

    public IReadOnlyDictionary<string, ClassValidation> PerClass { get; init; } = new Dictionary<string, ClassValidation>();

    internal static ValidationMetrics Read(JsonObjectReader r) => new()
    {
        ImageAuroc = r.Number("imageAuroc", 0, 1),
        PixelAuroc = r.NullableNumber("pixelAuroc", 0, 1),
        PerClass = r.Map("perClass", (e, p) =>
            JsonObjectReader.ForObject(e, p, r.Problems) is { } c ? ClassValidation.Read(c) : new ClassValidation { ImageAuroc = 0 }),
    };

    internal void Write(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteNumber("imageAuroc", ImageAuroc);
        w.WriteNullableNumber("pixelAuroc", PixelAuroc);
        w.WriteMap("perClass", PerClass, (writer, value) => value.Write(writer));
        w.WriteEndObject();
    }
}
