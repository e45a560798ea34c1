using System.Security.Cryptography;
using Edge.Bundles.Manifest;

namespace Edge.Bundles.Files;

/// <summary>SHA-256 and size of a file or stream, streamed in chunks (graphs can be hundreds of megabytes).</summary>
public static class FileHasher
{
    private const int ChunkSize = 1 << 20;

    public static FileEntry Hash(string path, CancellationToken cancellationToken = default)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, ChunkSize, FileOptions.SequentialScan);
        return Copy(stream, destination: null, cancellationToken);
    }

    /// <summary>Reads <paramref name="source"/> to its end, writing every chunk to <paramref name="destination"/> when given, and hashes what passed.</summary>
    public static FileEntry Copy(Stream source, Stream? destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[ChunkSize];
        long size = 0;
        int read;
        while ((read = source.Read(buffer, 0, buffer.Length)) > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            hash.AppendData(buffer, 0, read);
            destination?.Write(buffer, 0, read);
            size += read;
        }
        return new FileEntry { Sha256 = Sha256Text.Format(hash.GetHashAndReset()), Size = size };
    }
}
