using System.Text.Json;

namespace Edge.Fleet;

/// <summary>
/// The retained <c>edge/chunks/&lt;sha256&gt;/manifest</c>: <c>{"sha256","size","chunkBytes","count"}</c>. Every chunk but
/// the last has <see cref="ChunkBytes"/> bytes; <see cref="Count"/> is size / chunkBytes rounded up. Keys other than
/// these four are ignored, so a later publisher may add some.
/// </summary>
public sealed record ChunkManifest(string Sha256, long Size, int ChunkBytes, int Count)
{
    /// <summary>A manifest is under 200 bytes.</summary>
    public const int MaxBytes = 4096;

    /// <summary>The manifest of an archive of <paramref name="size"/> bytes cut into chunks of <paramref name="chunkBytes"/>.</summary>
    /// <exception cref="ArgumentException">The hash, size or chunk size is out of range.</exception>
    public static ChunkManifest For(string sha256, long size, int chunkBytes)
    {
        var manifest = new ChunkManifest(sha256, size, chunkBytes, CountFor(size, chunkBytes));
        return manifest.Problem() is { } problem ? throw new ArgumentException(problem) : manifest;
    }

    /// <summary>Bytes of chunk <paramref name="index"/>: <see cref="ChunkBytes"/>, less for the last one.</summary>
    public int LengthOf(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        return (int)Math.Min(ChunkBytes, Size - ((long)index * ChunkBytes));
    }

    public byte[] ToJson()
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("sha256", Sha256);
            w.WriteNumber("size", Size);
            w.WriteNumber("chunkBytes", ChunkBytes);
            w.WriteNumber("count", Count);
            w.WriteEndObject();
        }
        return buffer.ToArray();
    }

    /// <exception cref="FormatException">Not a valid manifest; the message says why.</exception>
    public static ChunkManifest Parse(ReadOnlySpan<byte> payload)
    {
        if (payload.Length > MaxBytes)
        {
            throw new FormatException($"the manifest has {payload.Length} bytes, more than the {MaxBytes} allowed");
        }
        ChunkManifest manifest;
        try
        {
            using var document = JsonDocument.Parse(payload.ToArray(), new JsonDocumentOptions { MaxDepth = 2 });
            var root = document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement : throw new FormatException("the manifest must be a JSON object");
            manifest = new ChunkManifest(
                root.TryGetProperty("sha256", out var sha) && sha.ValueKind == JsonValueKind.String ? sha.GetString()! : throw new FormatException("the manifest needs sha256, a string"),
                Number(root, "size"), (int)Math.Min(Number(root, "chunkBytes"), int.MaxValue), (int)Math.Min(Number(root, "count"), int.MaxValue));
        }
        catch (JsonException e)
        {
            throw new FormatException($"the manifest is not valid JSON: {e.Message}", e);
        }
        return manifest.Problem() is { } problem ? throw new FormatException(problem) : manifest;
    }

    private string? Problem()
    {
        if (!ArchiveChunks.IsSha256(Sha256))
        {
            return "the manifest's sha256 must be 64 lowercase hexadecimal digits";
        }
        if (Size <= 0)
        {
            return "the manifest's size must be 1 byte or more";
        }
        if (ChunkBytes is < ArchiveChunks.MinChunkBytes or > ArchiveChunks.MaxChunkBytes)
        {
            return $"the manifest's chunkBytes {ChunkBytes} is outside {ArchiveChunks.MinChunkBytes}..{ArchiveChunks.MaxChunkBytes}";
        }
        var expected = CountFor(Size, ChunkBytes);
        return Count != expected ? $"the manifest's count {Count} does not fit its size and chunkBytes, which make {expected} chunk(s)" : null;
    }

    private static int CountFor(long size, int chunkBytes) => chunkBytes <= 0 || size <= 0 ? 0 : (int)Math.Min((size / chunkBytes) + (size % chunkBytes == 0 ? 0 : 1), int.MaxValue);

    private static long Number(JsonElement root, string key) =>
        root.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number)
            ? number
            : throw new FormatException($"the manifest needs {key}, a whole number");
}
