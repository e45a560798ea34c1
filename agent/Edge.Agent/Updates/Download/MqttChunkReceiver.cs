using System.Globalization;
using Edge.Agent.Mqtt;
using Edge.Fleet;

namespace Edge.Agent.Updates.Download;

/// <summary>
/// Receives a bundle archive sent as retained MQTT chunks (<c>mqtt-chunks:&lt;sha256&gt;</c>, see
/// <see cref="ArchiveChunks"/>) into the staging folder. It reads the manifest first (so no chunk arrives before
/// their size is known), then subscribes to the chunk topics of the first <see cref="Window"/> missing chunks, and
/// to further ones as those arrive, and writes each at index × chunkBytes into <c>&lt;sha256&gt;.zip.part</c>,
/// noting it in <c>&lt;sha256&gt;.chunks</c> once its bytes are on disk. A restart resumes: the broker delivers the
/// retained chunks again and those already written are skipped. When all are in, the SHA-256 decides, as for
/// <see cref="ArchiveDownloader"/>. One receive at a time per staging folder (the updater installs one command at a time).
/// </summary>
/// <remarks>
/// Not one wildcard subscription to every chunk: a broker queues a subscription's retained messages all at once, and
/// Mosquitto (max_queued_messages 1000 and max_inflight_messages 20 by default) drops what is beyond, so an archive of
/// more than 1020 chunks would never arrive whole. The window keeps the broker's queue for this device small.
/// </remarks>
public sealed class MqttChunkReceiver
{
    /// <summary>Chunk topics subscribed at a time; more are subscribed when half of them arrived.</summary>
    public const int Window = 32;

    /// <summary>Chunks waiting to be written; beyond it the link's receive path waits, and so does the broker.</summary>
    private const int Backlog = 8;

    private readonly MqttLink _link;
    private readonly string _staging;

    public MqttChunkReceiver(MqttLink link, string staging)
    {
        _link = link;
        _staging = staging;
    }

    /// <param name="url">The command's <c>mqtt-chunks:&lt;sha256&gt;</c> URL.</param>
    /// <param name="sha256">The command's SHA-256: the URL must name the same.</param>
    /// <param name="size">The command's size: the manifest must say the same.</param>
    /// <param name="maxBytes">The configured largest archive.</param>
    /// <param name="timeout">How long the manifest and every chunk may take to arrive, all together.</param>
    /// <returns>The path of the complete archive, whose SHA-256 matched.</returns>
    /// <exception cref="UpdateException">
    /// The URL, manifest or a chunk is wrong (nothing is kept), the chunks did not all arrive in time (what arrived is
    /// kept, to resume), or the hash differs (nothing is kept).
    /// </exception>
    public async Task<string> ReceiveAsync(Uri url, string sha256, long size, long maxBytes, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(sha256);
        if (ArchiveChunks.Sha256Of(url) != sha256)
        {
            throw new UpdateException($"{url} names another archive than the sha256 {sha256} of the command");
        }
        var archive = StagedArchive.Prepare(_staging, sha256, size, maxBytes);
        if (await archive.IsCompleteAsync(cancellationToken).ConfigureAwait(false))
        {
            return archive.Complete;
        }
        await CollectAsync(sha256, size, archive, timeout, cancellationToken).ConfigureAwait(false);
        return await archive.AcceptAsync(url, size, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Subscribes, writes every chunk into the partial file, and unsubscribes (also on failure). A refused manifest or
    /// chunk removes both files; a timeout keeps them, to resume.
    /// </summary>
    private async Task CollectAsync(string sha256, long size, StagedArchive archive, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var inbox = new ChunkInbox(_link, Backlog);
        await using var inboxScope = inbox.ConfigureAwait(false);
        ChunkedPartialFile? file = null;
        try
        {
            // The manifest stays subscribed: published again or cleared meanwhile, it ends the receive.
            await inbox.SubscribeAsync([ArchiveChunks.ManifestTopic(sha256)], deadline.Token).ConfigureAwait(false);
            var manifest = await ReadManifestAsync(inbox, sha256, size, deadline.Token).ConfigureAwait(false);
            file = ChunkedPartialFile.Open(archive.Partial, archive.ChunkRecord, manifest);
            await ReceiveChunksAsync(inbox, file, manifest, deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            var seconds = timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture);
            throw new UpdateException(file is null
                ? $"no chunk manifest arrived on {ArchiveChunks.ManifestTopic(sha256)} within {seconds} s (updates.downloadTimeoutSeconds): publish the archive with edge-train publish-chunks"
                : $"only {file.Received} of {file.Count} chunk(s) arrived within {seconds} s (updates.downloadTimeoutSeconds){Missing(file)}; they are kept and the next install of the same archive resumes");
        }
        catch (UpdateException)
        {
            file?.Dispose();
            archive.Discard();
            throw;
        }
        finally
        {
            file?.Dispose();
        }
    }

    private static async Task<ChunkManifest> ReadManifestAsync(ChunkInbox inbox, string sha256, long size, CancellationToken cancellationToken)
    {
        while (true)
        {
            var message = await inbox.ReadAsync(cancellationToken).ConfigureAwait(false);
            if (message.Payload.Length == 0)
            {
                // Cleared (edge-train publish-chunks --clear): wait for the archive to be published again.
                continue;
            }
            ChunkManifest manifest;
            try
            {
                manifest = ChunkManifest.Parse(message.Payload);
            }
            catch (FormatException e)
            {
                throw new UpdateException($"{message.Topic}: {e.Message}", e);
            }
            if (manifest.Sha256 != sha256)
            {
                throw new UpdateException($"{message.Topic} describes the archive {manifest.Sha256}, not {sha256}");
            }
            if (manifest.Size != size)
            {
                throw new UpdateException($"{message.Topic} says the archive has {manifest.Size} bytes, not the {size} the command names");
            }
            return manifest;
        }
    }

    private static async Task ReceiveChunksAsync(ChunkInbox inbox, ChunkedPartialFile file, ChunkManifest manifest, CancellationToken cancellationToken)
    {
        var manifestTopic = ArchiveChunks.ManifestTopic(manifest.Sha256);
        var next = 0;
        var open = new HashSet<int>();
        var arrived = new List<string>();
        while (!file.IsComplete)
        {
            if (open.Count <= Window / 2 && next < manifest.Count)
            {
                await inbox.UnsubscribeAsync(arrived).ConfigureAwait(false);
                arrived.Clear();
                var more = new List<string>();
                for (; next < manifest.Count && open.Count < Window; next++)
                {
                    if (!file.Has(next))
                    {
                        open.Add(next);
                        more.Add(ArchiveChunks.ChunkTopic(manifest.Sha256, next));
                    }
                }
                await inbox.SubscribeAsync(more, cancellationToken).ConfigureAwait(false);
                continue;
            }
            var message = await inbox.ReadAsync(cancellationToken).ConfigureAwait(false);
            if (message.Topic == manifestTopic)
            {
                if (!Describes(message.Payload, manifest))
                {
                    throw new UpdateException($"{manifestTopic} changed during the download (published again or cleared); install again");
                }
                continue;
            }
            // Only the chunk topics asked for arrive: still, nothing is written that the manifest does not allow.
            if (ArchiveChunks.IndexOf(manifest.Sha256, message.Topic) is not { } index || index >= manifest.Count)
            {
                throw new UpdateException($"{message.Topic} is not one of the archive's {manifest.Count} chunk(s) (0 to {manifest.Count - 1})");
            }
            var expected = manifest.LengthOf(index);
            if (message.Payload.Length != expected)
            {
                var why = message.Payload.Length == 0 ? "; it was cleared during the download: publish the archive again"
                    : index < manifest.Count - 1 ? " (only the last may be shorter)"
                    : message.Payload.Length > expected ? $": it would reach beyond the archive's {manifest.Size} bytes"
                    : "";
                throw new UpdateException($"chunk {index} has {message.Payload.Length} bytes, not the {expected} its manifest says{why}");
            }
            if (!file.Has(index))
            {
                await file.WriteAsync(index, message.Payload, cancellationToken).ConfigureAwait(false);
            }
            if (open.Remove(index))
            {
                arrived.Add(message.Topic);
            }
        }
    }

    private static bool Describes(byte[] payload, ChunkManifest manifest)
    {
        try
        {
            return payload.Length > 0 && ChunkManifest.Parse(payload) == manifest;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static string Missing(ChunkedPartialFile file)
    {
        var missing = file.MissingIndices().Take(10).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToList();
        var more = file.Count - file.Received > missing.Count ? ", ..." : "";
        return missing.Count == 0 ? "" : $"; missing {string.Join(", ", missing)}{more}";
    }
}
