using System.Text.Json;
using Edge.Bundles.Json;

namespace Edge.Bundles.Manifest;

/// <summary>The size and SHA-256 of one file of the bundle.</summary>
public sealed record FileEntry
{
    /// <summary>Lowercase hex SHA-256 of the file's bytes.</summary>
    public required string Sha256 { get; init; }

    public required long Size { get; init; }

    internal static FileEntry Read(JsonObjectReader r)
    {
        var entry = new FileEntry { Sha256 = r.String("sha256"), Size = r.Long("size", 0) };
        if (entry.Sha256.Length > 0 && !Sha256Text.IsValid(entry.Sha256))
        {
            r.Problems.Add(r.PathOf("sha256"), "must be 64 lowercase hexadecimal digits");
        }
        r.ReportUnknownProperties();
        return entry;
    }

    internal void Write(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteString("sha256", Sha256);
        w.WriteNumber("size", Size);
        w.WriteEndObject();
    }
}
