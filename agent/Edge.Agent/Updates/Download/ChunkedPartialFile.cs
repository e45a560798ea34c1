using Edge.Fleet;
using Microsoft.Win32.SafeHandles;

namespace Edge.Agent.Updates.Download;

/// <summary>
/// The partial archive of a chunked download (<c>&lt;sha256&gt;.zip.part</c>, its full size from the start) and the
/// record of the chunks written into it (<c>&lt;sha256&gt;.chunks</c>: a 16-byte header with size, chunk bytes and
/// count, little endian, then one bit per chunk). A chunk's bit is set only after its bytes were flushed to disk, so a
/// crash loses at most chunks that are received again; a record of another chunking, or none, starts over.
/// Not thread-safe: one receive owns it.
/// </summary>
internal sealed class ChunkedPartialFile : IDisposable
{
    private const int HeaderBytes = 16;
    private readonly SafeFileHandle _data;
    private readonly SafeFileHandle _record;
    private readonly byte[] _bits;
    private readonly ChunkManifest _manifest;

    private ChunkedPartialFile(SafeFileHandle data, SafeFileHandle record, byte[] bits, ChunkManifest manifest)
    {
        _data = data;
        _record = record;
        _bits = bits;
        _manifest = manifest;
        Received = Enumerable.Range(0, manifest.Count).Count(Has);
    }

    public int Count => _manifest.Count;

    public int Received { get; private set; }

    public bool IsComplete => Received == Count;

    /// <summary>Continues the partial file when its record matches <paramref name="manifest"/>, else starts both afresh.</summary>
    public static ChunkedPartialFile Open(string dataPath, string recordPath, ChunkManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var header = new byte[HeaderBytes];
        BitConverter.TryWriteBytes(header.AsSpan(0, 8), manifest.Size);
        BitConverter.TryWriteBytes(header.AsSpan(8, 4), manifest.ChunkBytes);
        BitConverter.TryWriteBytes(header.AsSpan(12, 4), manifest.Count);
        var bits = new byte[(manifest.Count + 7) / 8];
        var existing = File.Exists(recordPath) && File.Exists(dataPath) && new FileInfo(dataPath).Length == manifest.Size ? File.ReadAllBytes(recordPath) : null;
        var resume = existing is not null && existing.Length == HeaderBytes + bits.Length && existing.AsSpan(0, HeaderBytes).SequenceEqual(header);
        if (resume)
        {
            existing.AsSpan(HeaderBytes).CopyTo(bits);
        }
        else
        {
            // Nothing to resume, another chunking, or an HTTP download's partial file (not laid out by chunks).
            File.Delete(recordPath);
            File.Delete(dataPath);
        }
        var data = File.OpenHandle(dataPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
        SafeFileHandle? record = null;
        try
        {
            record = File.OpenHandle(recordPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
            if (!resume)
            {
                RandomAccess.SetLength(data, manifest.Size);
                RandomAccess.Write(record, header, 0);
                RandomAccess.Write(record, bits, HeaderBytes);
            }
            return new ChunkedPartialFile(data, record, bits, manifest);
        }
        catch
        {
            record?.Dispose();
            data.Dispose();
            throw;
        }
    }

    public bool Has(int index) => (_bits[index / 8] & (1 << (index % 8))) != 0;

    public IEnumerable<int> MissingIndices() => Enumerable.Range(0, Count).Where(i => !Has(i));

    /// <summary>Writes chunk <paramref name="index"/> (already checked against the manifest) and records it.</summary>
    public async Task WriteAsync(int index, ReadOnlyMemory<byte> chunk, CancellationToken cancellationToken)
    {
        await RandomAccess.WriteAsync(_data, chunk, (long)index * _manifest.ChunkBytes, cancellationToken).ConfigureAwait(false);
        RandomAccess.FlushToDisk(_data);
        _bits[index / 8] |= (byte)(1 << (index % 8));
        await RandomAccess.WriteAsync(_record, _bits.AsMemory(index / 8, 1), HeaderBytes + (index / 8), cancellationToken).ConfigureAwait(false);
        Received++;
    }

    public void Dispose()
    {
        _data.Dispose();
        _record.Dispose();
    }
}
