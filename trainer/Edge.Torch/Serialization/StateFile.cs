using System.Buffers.Binary;
using System.Text;
using System.Text.Json;

namespace Edge.Torch.Serialization;

/// <summary>
/// Reads and writes named tensors plus string metadata in the safetensors layout (format described in
/// STATE_FORMAT.md next to this file): an 8-byte little-endian header length, a JSON header with each
/// tensor's dtype, shape and byte range, then the raw little-endian row-major data.
/// </summary>
public static class StateFile
{
    private const string MetadataKey = "__metadata__";
    private const long MaxHeaderBytes = 100L << 20;

    /// <summary>
    /// Writes the tensors (copied to the host) and metadata. The file is written under a temporary name and
    /// renamed, so a crash never leaves a truncated file under <paramref name="path"/>.
    /// </summary>
    public static void Write(string path, IEnumerable<KeyValuePair<string, Tensor>> tensors, IReadOnlyDictionary<string, string>? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(tensors);
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("state files are written on little-endian hosts only");
        }
        var entries = tensors.ToList();
        var duplicate = entries.GroupBy(e => e.Key, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate != null)
        {
            throw new ArgumentException($"tensor name '{duplicate.Key}' appears twice", nameof(tensors));
        }
        var header = Header(entries, metadata);
        var temporary = path + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        {
            Span<byte> length = stackalloc byte[8];
            BinaryPrimitives.WriteUInt64LittleEndian(length, (ulong)header.Length);
            stream.Write(length);
            stream.Write(header);
            foreach (var (_, tensor) in entries)
            {
                stream.Write(tensor.ToBytes());
            }
            stream.Flush(flushToDisk: true);
        }
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Reads every tensor (onto <paramref name="device"/>, CPU by default) and the metadata.</summary>
    /// <exception cref="InvalidDataException">The file is not a valid state file.</exception>
    public static StateFileContents Read(string path, Device? device = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        var header = ReadHeader(stream, path);
        var dataStart = 8 + (long)header.Length;
        var dataLength = stream.Length - dataStart;

        var names = new List<string>();
        var tensors = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            using var json = ParseHeader(path, header);
            foreach (var property in json.RootElement.EnumerateObject())
            {
                if (property.Name == MetadataKey)
                {
                    foreach (var item in property.Value.EnumerateObject())
                    {
                        metadata[item.Name] = item.Value.GetString() ?? string.Empty;
                    }
                    continue;
                }
                var (type, shape, begin, end) = Describe(property);
                var expected = shape.Aggregate(1L, (a, b) => a * b) * type.ElementSize();
                if (begin < 0 || end < begin || end > dataLength || end - begin != expected)
                {
                    throw new InvalidDataException(
                        $"{path}: tensor '{property.Name}' ({type} [{string.Join(", ", shape)}]) has byte range [{begin}, {end}) but needs {expected} bytes within {dataLength}");
                }
                var data = new byte[end - begin];
                stream.Position = dataStart + begin;
                stream.ReadExactly(data);
                tensors.Add(property.Name, Tensor.FromBytes(data, type, shape, device));
                names.Add(property.Name);
            }
        }
        catch
        {
            foreach (var tensor in tensors.Values)
            {
                tensor.Dispose();
            }
            throw;
        }
        return new StateFileContents(names, tensors, metadata);
    }

    /// <summary>Only the metadata, without reading any tensor (a checkpoint's strings, say, before deciding to load it).</summary>
    /// <exception cref="InvalidDataException">The file is not a valid state file.</exception>
    public static IReadOnlyDictionary<string, string> ReadMetadata(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 12);
        using var json = ParseHeader(path, ReadHeader(stream, path));
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        if (json.RootElement.TryGetProperty(MetadataKey, out var items) && items.ValueKind == JsonValueKind.Object)
        {
            foreach (var item in items.EnumerateObject())
            {
                metadata[item.Name] = item.Value.GetString() ?? string.Empty;
            }
        }
        return metadata;
    }

    /// <summary>The JSON header's bytes; leaves the stream at the start of the data.</summary>
    private static byte[] ReadHeader(FileStream stream, string path)
    {
        Span<byte> lengthBytes = stackalloc byte[8];
        stream.ReadExactly(lengthBytes);
        var headerLength = BinaryPrimitives.ReadUInt64LittleEndian(lengthBytes);
        if (headerLength > (ulong)Math.Min(MaxHeaderBytes, stream.Length - 8))
        {
            throw new InvalidDataException($"{path}: header length {headerLength} does not fit the file ({stream.Length} bytes)");
        }
        var header = new byte[headerLength];
        stream.ReadExactly(header);
        return header;
    }

    private static byte[] Header(List<KeyValuePair<string, Tensor>> entries, IReadOnlyDictionary<string, string>? metadata)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            if (metadata is { Count: > 0 })
            {
                writer.WriteStartObject(MetadataKey);
                foreach (var (key, value) in metadata)
                {
                    writer.WriteString(key, value);
                }
                writer.WriteEndObject();
            }
            long offset = 0;
            foreach (var (name, tensor) in entries)
            {
                var type = tensor.DType;
                var size = tensor.NumElements * type.ElementSize();
                writer.WriteStartObject(name);
                writer.WriteString("dtype", SafetensorsType.NameOf(type));
                writer.WriteStartArray("shape");
                foreach (var dim in tensor.Shape)
                {
                    writer.WriteNumberValue(dim);
                }
                writer.WriteEndArray();
                writer.WriteStartArray("data_offsets");
                writer.WriteNumberValue(offset);
                writer.WriteNumberValue(offset + size);
                writer.WriteEndArray();
                writer.WriteEndObject();
                offset += size;
            }
            writer.WriteEndObject();
        }
        // Pad with spaces so the data starts 8-byte aligned, as the safetensors format allows.
        var length = buffer.Length;
        var padded = (length + 7) / 8 * 8;
        var header = new byte[padded];
        buffer.GetBuffer().AsSpan(0, (int)length).CopyTo(header);
        header.AsSpan((int)length).Fill((byte)' ');
        return header;
    }

    private static JsonDocument ParseHeader(string path, byte[] header)
    {
        try
        {
            var document = JsonDocument.Parse(header);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                document.Dispose();
                throw new InvalidDataException($"{path}: the header is not a JSON object");
            }
            return document;
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: the header is not valid JSON ({e.Message}); header starts with '{Encoding.UTF8.GetString(header.AsSpan(0, Math.Min(40, header.Length)))}'", e);
        }
    }

    private static (ScalarType Type, long[] Shape, long Begin, long End) Describe(JsonProperty property)
    {
        try
        {
            var value = property.Value;
            var type = SafetensorsType.Parse(value.GetProperty("dtype").GetString() ?? string.Empty, property.Name);
            var shape = value.GetProperty("shape").EnumerateArray().Select(d => d.GetInt64()).ToArray();
            if (shape.Any(d => d < 0))
            {
                throw new InvalidDataException($"tensor '{property.Name}' has a negative size");
            }
            var offsets = value.GetProperty("data_offsets").EnumerateArray().Select(d => d.GetInt64()).ToArray();
            if (offsets.Length != 2)
            {
                throw new InvalidDataException($"tensor '{property.Name}' needs two data offsets, has {offsets.Length}");
            }
            return (type, shape, offsets[0], offsets[1]);
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException($"tensor '{property.Name}' has an incomplete description: {e.Message}", e);
        }
    }
}
