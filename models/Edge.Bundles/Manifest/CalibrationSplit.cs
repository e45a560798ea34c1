using System.Text.Json;
using Edge.Bundles.Json;

namespace Edge.Bundles.Manifest;

/// <summary>The test images a split calibration used: how they were drawn, and each one, so evaluation can leave them out.</summary>
public sealed record CalibrationSplit
{
    /// <summary>The share of each (class, category) stratum drawn for calibration, in (0, 1).</summary>
    public required double Share { get; init; }

    public required int Seed { get; init; }

    /// <summary>The calibration images, relative to the data folder with <c>/</c> separators (<c>grain/test/good/003.png</c>), in ordinal order.</summary>
    public required IReadOnlyList<string> Images { get; init; }

    internal static CalibrationSplit Read(JsonObjectReader r)
    {
        var split = new CalibrationSplit
        {
            Share = r.Number("share", 0, 1),
            Seed = r.Int("seed", 0),
            Images = r.Array("images", (e, p) => JsonObjectReader.ReadString(e, p, r.Problems), minCount: 1),
        };
        if (split.Share is 0 or 1)
        {
            r.Problems.Add(r.PathOf("share"), $"must be strictly between 0 and 1, found {split.Share}");
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < split.Images.Count; i++)
        {
            var image = split.Images[i];
            var path = JsonPaths.Index(r.PathOf("images"), i);
            if (image.Length > 0 && !IsRelativePath(image))
            {
                r.Problems.Add(path, $"\"{image}\" is not a relative path with / separators inside the data folder");
            }
            else if (image.Length > 0 && !seen.Add(image))
            {
                r.Problems.Add(path, $"\"{image}\" appears more than once");
            }
        }
        return split;
    }

    /// <summary>True for a path like <c>class/test/good/000.png</c>: relative, <c>/</c>-separated, no empty, <c>.</c> or <c>..</c> part.</summary>
    public static bool IsRelativePath(string path) =>
        !path.Contains('\\', StringComparison.Ordinal) && path.Split('/').All(part => part.Length > 0 && part != "." && part != "..");

    internal void Write(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteNumber("share", Share);
        w.WriteNumber("seed", Seed);
        w.WriteStartArray("images");
        foreach (var image in Images)
        {
            w.WriteStringValue(image);
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
