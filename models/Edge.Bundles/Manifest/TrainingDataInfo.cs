using System.Text.Json;
using Edge.Bundles.Json;

namespace Edge.Bundles.Manifest;

/// <summary>Which data the model learned from (see <see cref="Fingerprint.TrainingDataFingerprint"/>).</summary>
public sealed record TrainingDataInfo
{
    /// <summary>Lowercase hex SHA-256 fingerprint of the training images.</summary>
    public required string Fingerprint { get; init; }

    public required int ImageCount { get; init; }

    /// <summary>Training images per product class; the counts add up to <see cref="ImageCount"/>.</summary>
    public required IReadOnlyDictionary<string, int> ClassCounts { get; init; }

    internal static TrainingDataInfo Read(JsonObjectReader r)
    {
        var info = new TrainingDataInfo
        {
            Fingerprint = r.String("fingerprint"),
            ImageCount = r.Int("imageCount", 0),
            ClassCounts = r.Map("classCounts", (e, p) => JsonObjectReader.ReadInt(e, p, r.Problems, 0, int.MaxValue)),
        };
        if (info.Fingerprint.Length > 0 && !Sha256Text.IsValid(info.Fingerprint))
        {
            r.Problems.Add(r.PathOf("fingerprint"), "must be 64 lowercase hexadecimal digits (a SHA-256)");
        }
        var sum = info.ClassCounts.Values.Sum(v => (long)v);
        if (sum != info.ImageCount)
        {
            r.Problems.Add(r.PathOf("classCounts"), $"add up to {sum}, but imageCount is {info.ImageCount}");
        }
        return info;
    }

    internal void Write(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteString("fingerprint", Fingerprint);
        w.WriteNumber("imageCount", ImageCount);
        w.WriteMap("classCounts", ClassCounts, (writer, value) => writer.WriteNumberValue(value));
        w.WriteEndObject();
    }
}
