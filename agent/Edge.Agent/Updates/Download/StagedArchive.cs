using System.Security.Cryptography;

namespace Edge.Agent.Updates.Download;

/// <summary>
/// Where an archive with a given SHA-256 is fetched to, whatever carries it (HTTP or MQTT chunks):
/// <c>&lt;sha256&gt;.zip</c> once complete and checked, <c>&lt;sha256&gt;.zip.part</c> while it arrives, and
/// <c>&lt;sha256&gt;.chunks</c>, the record of a chunked receive. Owns the rules both transports share: the size limit,
/// reuse of a complete archive, and the hash check that turns the partial file into the archive.
/// </summary>
internal sealed class StagedArchive
{
    private readonly string _sha256;

    private StagedArchive(string staging, string sha256)
    {
        _sha256 = sha256;
        Complete = Path.Combine(staging, sha256 + ".zip");
        Partial = Complete + ".part";
        ChunkRecord = Path.Combine(staging, sha256 + ".chunks");
    }

    public string Complete { get; }

    public string Partial { get; }

    public string ChunkRecord { get; }

    /// <summary>Creates the staging folder; refuses an archive the command says is larger than allowed.</summary>
    /// <exception cref="UpdateException">The size is over <paramref name="maxBytes"/>.</exception>
    public static StagedArchive Prepare(string staging, string sha256, long? size, long maxBytes)
    {
        if (size > maxBytes)
        {
            throw new UpdateException($"the archive has {size} bytes, more than the {maxBytes} allowed (updates.maxArchiveMegabytes)");
        }
        Directory.CreateDirectory(staging);
        return new StagedArchive(staging, sha256);
    }

    /// <summary>Whether an earlier install already left the complete, matching archive.</summary>
    public async Task<bool> IsCompleteAsync(CancellationToken cancellationToken) =>
        File.Exists(Complete) && await HashOfAsync(Complete, cancellationToken).ConfigureAwait(false) == _sha256;

    /// <summary>
    /// Checks the partial file's SHA-256 (and size, when the command names one) and renames it to the archive; a
    /// mismatch deletes the partial file and its chunk record (nothing of other bytes is ever continued).
    /// </summary>
    /// <param name="source">Where the bytes came from, for the message.</param>
    /// <exception cref="UpdateException">The bytes are not the archive the command names.</exception>
    public async Task<string> AcceptAsync(Uri source, long? size, CancellationToken cancellationToken)
    {
        var actual = await HashOfAsync(Partial, cancellationToken).ConfigureAwait(false);
        if (actual != _sha256)
        {
            Discard();
            throw new UpdateException($"the archive from {source} has SHA-256 {actual}, not the {_sha256} the command names");
        }
        var length = new FileInfo(Partial).Length;
        if (size is { } expected && length != expected)
        {
            Discard();
            throw new UpdateException($"the archive from {source} has {length} bytes, not the {expected} the command names");
        }
        File.Move(Partial, Complete, overwrite: true);
        File.Delete(ChunkRecord);
        return Complete;
    }

    /// <summary>Deletes the partial file and its chunk record.</summary>
    public void Discard()
    {
        File.Delete(Partial);
        File.Delete(ChunkRecord);
    }

    private static async Task<string> HashOfAsync(string path, CancellationToken cancellationToken)
    {
        var stream = File.OpenRead(path);
        await using var scope = stream.ConfigureAwait(false);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false));
    }
}
