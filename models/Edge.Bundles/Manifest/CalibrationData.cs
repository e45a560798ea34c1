using System.Text.Json;
using Edge.Bundles.Json;

namespace Edge.Bundles.Manifest;

/// <summary>
/// Which images the thresholds were calibrated on (manifest <c>calibration</c>), so that <c>edge-train evaluate</c>
/// never reports on them: a seeded split of the data set's test images (<see cref="Split"/> lists them), or a
/// separate validation folder (known by its fingerprint).
/// </summary>
public sealed record CalibrationData
{
    public required CalibrationSource Source { get; init; }

    /// <summary>
    /// <see cref="Fingerprint.TrainingDataFingerprint"/> of the folder the images came from: the data set the split
    /// was drawn from, or the validation folder.
    /// </summary>
    public required string Fingerprint { get; init; }

    /// <summary>How many images were scored for calibration.</summary>
    public required int ImageCount { get; init; }

    /// <summary>The manifest's spelling of <see cref="Source"/>: <c>split</c> or <c>validation-folder</c>.</summary>
    public string SourceName => ManifestEnumNames.Of(ManifestEnumNames.CalibrationSources, Source);

    /// <summary>Present exactly when <see cref="Source"/> is <see cref="CalibrationSource.Split"/>.</summary>
    public CalibrationSplit? Split { get; init; }

    internal static CalibrationData Read(JsonObjectReader r)
    {
        var data = new CalibrationData
        {
            Source = r.Enum("source", ManifestEnumNames.CalibrationSources),
            Fingerprint = r.String("fingerprint"),
            ImageCount = r.Int("imageCount", 1),
            Split = r.OptionalObject("split", CalibrationSplit.Read),
        };
        if (data.Fingerprint.Length > 0 && !Sha256Text.IsValid(data.Fingerprint))
        {
            r.Problems.Add(r.PathOf("fingerprint"), "must be 64 lowercase hexadecimal digits (a SHA-256)");
        }
        if (data.Source == CalibrationSource.Split && data.Split is null)
        {
            r.Problems.Add(r.PathOf("split"), "is required when source is \"split\"");
        }
        if (data.Source != CalibrationSource.Split && r.Has("split"))
        {
            r.Problems.Add(r.PathOf("split"), "must be absent unless source is \"split\"");
        }
        if (data.Split is { } split && split.Images.Count != data.ImageCount)
        {
            r.Problems.Add(r.PathOf("imageCount"), $"is {data.ImageCount}, but split.images lists {split.Images.Count}");
        }
        return data;
    }

    internal void Write(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteString("source", SourceName);
        w.WriteString("fingerprint", Fingerprint);
        w.WriteNumber("imageCount", ImageCount);
        if (Split is not null)
        {
            w.WritePropertyName("split");
            Split.Write(w);
        }
        w.WriteEndObject();
    }
}
