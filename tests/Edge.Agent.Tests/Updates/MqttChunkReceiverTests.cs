using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using Edge.Agent.Configuration;
using Edge.Agent.Mqtt;
using Edge.Agent.Tests.Support;
using Edge.Agent.Updates;
using Edge.Agent.Updates.Download;
using Edge.Fleet;
using Edge.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Edge.Agent.Tests.Updates;

/// <summary>
/// The chunk receiver on a real MQTT link to a real Mosquitto broker, with the chunks and manifest published as
/// retained messages by <c>mosquitto_pub -r</c>: in any order, before or during the receive, some missing or wrong.
/// </summary>
public sealed class MqttChunkReceiverTests : BrokerTest
{
    private const int ChunkBytes = 16 * 1024;
    private const long MaxBytes = 1 << 20;

    private static readonly string Trainer = Path.Combine(AppContext.BaseDirectory, "edge-train.dll");

    // 6 full chunks and a short seventh.
    private readonly byte[] _archive = RandomNumberGenerator.GetBytes((6 * ChunkBytes) + 1000);

    private string Sha => Convert.ToHexStringLower(SHA256.HashData(_archive));

    private Uri Url => ArchiveChunks.Url(Sha);

    private string Staging => Folder.File("staging");

    private ChunkManifest Manifest => ChunkManifest.For(Sha, _archive.Length, ChunkBytes);

    [Fact]
    public async Task Chunks_out_of_order_some_retained_before_and_some_published_during_the_receive_make_the_archive()
    {
        PublishManifest(Manifest);
        foreach (var index in new[] { 4, 1, 6 })
        {
            PublishChunk(index);
        }
        await using var link = await StartLinkAsync("edge-chunks-a");

        var receive = Receiver(link.Link).ReceiveAsync(Url, Sha, _archive.Length, MaxBytes, Patience, CancellationToken.None);
        await WaitForFileAsync(Path.Combine(Staging, Sha + ".chunks"));
        foreach (var index in new[] { 0, 5, 3, 2 })
        {
            PublishChunk(index);
        }
        var path = await receive;

        Assert.Equal(Path.Combine(Staging, Sha + ".zip"), path);
        Assert.Equal(_archive, await File.ReadAllBytesAsync(path));
        Assert.Equal([Sha + ".zip"], Directory.GetFiles(Staging).Select(Path.GetFileName));
    }

    [Fact]
    public async Task A_missing_chunk_times_out_saying_how_many_of_how_many_arrived_and_which_is_missing_and_keeps_the_rest()
    {
        PublishAll(except: 3);
        await using var link = await StartLinkAsync("edge-chunks-b");

        var error = await Assert.ThrowsAsync<UpdateException>(() =>
            Receiver(link.Link).ReceiveAsync(Url, Sha, _archive.Length, MaxBytes, TimeSpan.FromSeconds(2), CancellationToken.None));

        Assert.Contains("only 6 of 7 chunk(s) arrived within 2 s (updates.downloadTimeoutSeconds); missing 3;", error.Message, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(Staging, Sha + ".zip.part")));
        Assert.True(File.Exists(Path.Combine(Staging, Sha + ".chunks")));
    }

    [Fact]
    public async Task After_a_restart_the_receive_resumes_keeping_the_chunks_its_record_names_and_taking_only_the_missing_ones()
    {
        PublishAll(except: 3);
        await using (var first = await StartLinkAsync("edge-chunks-c"))
        {
            await Assert.ThrowsAsync<UpdateException>(() =>
                Receiver(first.Link).ReceiveAsync(Url, Sha, _archive.Length, MaxBytes, TimeSpan.FromSeconds(2), CancellationToken.None));
        }
        // Chunk 0 on the broker is now damaged: a resumed receive that took it again would fail the hash.
        PublishChunk(0, RandomNumberGenerator.GetBytes(ChunkBytes));
        PublishChunk(3);
        await using var second = await StartLinkAsync("edge-chunks-c");

        var path = await Receiver(second.Link).ReceiveAsync(Url, Sha, _archive.Length, MaxBytes, Patience, CancellationToken.None);

        Assert.Equal(_archive, await File.ReadAllBytesAsync(path));
        Assert.False(File.Exists(Path.Combine(Staging, Sha + ".chunks")));
    }

    [Fact]
    public async Task Chunks_of_another_archive_under_the_manifest_are_refused_by_their_sha256_and_nothing_is_kept()
    {
        var other = RandomNumberGenerator.GetBytes(_archive.Length);
        PublishManifest(Manifest);
        for (var index = 0; index < Manifest.Count; index++)
        {
            PublishChunk(index, other.AsSpan(index * ChunkBytes, Manifest.LengthOf(index)).ToArray());
        }
        await using var link = await StartLinkAsync("edge-chunks-d");

        var error = await Assert.ThrowsAsync<UpdateException>(() =>
            Receiver(link.Link).ReceiveAsync(Url, Sha, _archive.Length, MaxBytes, Patience, CancellationToken.None));

        Assert.Equal($"the archive from {Url} has SHA-256 {Convert.ToHexStringLower(SHA256.HashData(other))}, not the {Sha} the command names", error.Message);
        Assert.Empty(Directory.GetFiles(Staging));
    }

    [Theory]
    [InlineData(2, 100, "chunk 2 has 100 bytes, not the 16384 its manifest says (only the last may be shorter)")]
    [InlineData(6, 16384, "chunk 6 has 16384 bytes, not the 1000 its manifest says: it would reach beyond the archive's 99304 bytes")]
    [InlineData(6, 999, "chunk 6 has 999 bytes, not the 1000 its manifest says")]
    public async Task A_chunk_of_the_wrong_length_or_reaching_beyond_the_size_is_refused_and_nothing_is_kept(int index, int bytes, string reason)
    {
        PublishAll(except: 3);
        PublishChunk(index, RandomNumberGenerator.GetBytes(bytes));
        await using var link = await StartLinkAsync("edge-chunks-e");

        var error = await Assert.ThrowsAsync<UpdateException>(() =>
            Receiver(link.Link).ReceiveAsync(Url, Sha, _archive.Length, MaxBytes, Patience, CancellationToken.None));

        Assert.Equal(reason, error.Message);
        Assert.Empty(Directory.GetFiles(Staging));
    }

    [Fact]
    public async Task An_archive_of_more_chunks_than_mosquitto_queues_for_one_client_arrives_whole_from_edge_train_publish_chunks()
    {
        // 1100 chunks: one subscription to all of them would get 1020 (max_queued_messages 1000 + max_inflight_messages 20).
        var (zip, bytes, sha) = await WriteArchiveAsync("big.zip", 1099 * ChunkBytes);
        var printed = PublishChunks(zip, ChunkBytes);
        await using var link = await StartLinkAsync("edge-chunks-g");

        var path = await Receiver(link.Link).ReceiveAsync(ArchiveChunks.Url(sha), sha, bytes.Length, 1 << 30, TimeSpan.FromMinutes(2), CancellationToken.None);

        Assert.Contains("as 1100 retained chunk(s) of 16 KiB", printed, StringComparison.Ordinal);
        Assert.Contains($"url: mqtt-chunks:{sha}\n", printed, StringComparison.Ordinal);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(path));
    }

    [Fact]
    public async Task Chunks_of_the_largest_size_publish_chunks_takes_fit_the_maximum_packet_size_the_link_announces_to_the_broker()
    {
        // Two full 4 MiB chunks and a short third: a limit without room for the topic would have the broker drop every full one.
        var (zip, bytes, sha) = await WriteArchiveAsync("largest.zip", 2 * ArchiveChunks.MaxChunkBytes);
        var printed = PublishChunks(zip, ArchiveChunks.MaxChunkBytes);
        await using var link = await StartLinkAsync("edge-chunks-h");

        var path = await Receiver(link.Link).ReceiveAsync(ArchiveChunks.Url(sha), sha, bytes.Length, 1 << 30, Patience, CancellationToken.None);

        Assert.Contains("as 3 retained chunk(s) of 4096 KiB", printed, StringComparison.Ordinal);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(path));
    }

    [Fact]
    public async Task A_manifest_or_url_that_disagrees_with_the_command_and_a_missing_manifest_are_refused_with_their_reasons()
    {
        await using var link = await StartLinkAsync("edge-chunks-f");
        var receiver = Receiver(link.Link);

        var noManifest = await Assert.ThrowsAsync<UpdateException>(() => receiver.ReceiveAsync(Url, Sha, _archive.Length, MaxBytes, TimeSpan.FromSeconds(1), CancellationToken.None));
        PublishManifest(Manifest);
        var size = await Assert.ThrowsAsync<UpdateException>(() => receiver.ReceiveAsync(Url, Sha, _archive.Length + 1, MaxBytes, Patience, CancellationToken.None));
        var tooLarge = await Assert.ThrowsAsync<UpdateException>(() => receiver.ReceiveAsync(Url, Sha, _archive.Length, 1000, Patience, CancellationToken.None));
        var url = await Assert.ThrowsAsync<UpdateException>(() => receiver.ReceiveAsync(ArchiveChunks.Url(new string('e', 64)), Sha, _archive.Length, MaxBytes, Patience, CancellationToken.None));

        Assert.Equal($"no chunk manifest arrived on edge/chunks/{Sha}/manifest within 1 s (updates.downloadTimeoutSeconds): publish the archive with edge-train publish-chunks", noManifest.Message);
        Assert.Equal($"edge/chunks/{Sha}/manifest says the archive has {_archive.Length} bytes, not the {_archive.Length + 1} the command names", size.Message);
        Assert.Equal($"the archive has {_archive.Length} bytes, more than the 1000 allowed (updates.maxArchiveMegabytes)", tooLarge.Message);
        Assert.Equal($"mqtt-chunks:{new string('e', 64)} names another archive than the sha256 {Sha} of the command", url.Message);
    }

    /// <summary>A zip as publish-chunks reads one (a manifest, a signature it does not check) holding <paramref name="blobBytes"/> random bytes stored as they are.</summary>
    private async Task<(string Path, byte[] Bytes, string Sha256)> WriteArchiveAsync(string name, int blobBytes)
    {
        var zip = Folder.File(name);
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
        {
            using (var writer = new StreamWriter(archive.CreateEntry("manifest.json").Open()))
            {
                writer.Write("""{ "modelVersion": "2.0.0" }""");
            }
            using (var writer = new StreamWriter(archive.CreateEntry("manifest.sig").Open()))
            {
                writer.Write("not checked here");
            }
            using var blob = archive.CreateEntry("blob.bin", CompressionLevel.NoCompression).Open();
            blob.Write(RandomNumberGenerator.GetBytes(blobBytes));
        }
        var bytes = await File.ReadAllBytesAsync(zip);
        return (zip, bytes, Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }

    private string PublishChunks(string zip, int chunkBytes) => ExternalTool.Run("dotnet", [Trainer, "publish-chunks",
        "--broker", $"mqtt://127.0.0.1:{Broker.Port.ToString(CultureInfo.InvariantCulture)}", "--archive", zip,
        "--chunk-kb", (chunkBytes / 1024).ToString(CultureInfo.InvariantCulture)], TimeSpan.FromMinutes(2));

    private MqttChunkReceiver Receiver(MqttLink link) => new(link, Staging);

    private async Task<RunningLink> StartLinkAsync(string clientId)
    {
        var config = new MqttConfig { Host = "127.0.0.1", Port = Broker.Port, ClientId = clientId, ReconnectMinSeconds = 0.1, ReconnectMaxSeconds = 0.5 };
        var link = new MqttLink(config, new MqttTopics("plant1", "box1"), NullLogger<MqttLink>.Instance);
        await link.StartAsync(CancellationToken.None);
        await link.WaitConnectedAsync(CancellationToken.None).WaitAsync(Patience);
        return new RunningLink(link);
    }

    private void PublishAll(int except)
    {
        for (var index = 0; index < Manifest.Count; index++)
        {
            if (index != except)
            {
                PublishChunk(index);
            }
        }
        PublishManifest(Manifest);
    }

    private void PublishManifest(ChunkManifest manifest) => Publish(ArchiveChunks.ManifestTopic(Sha), manifest.ToJson());

    private void PublishChunk(int index, byte[]? payload = null) =>
        Publish(ArchiveChunks.ChunkTopic(Sha, index), payload ?? _archive.AsSpan(index * ChunkBytes, Manifest.LengthOf(index)).ToArray());

    private void Publish(string topic, byte[] payload)
    {
        var file = Folder.File("payload.bin");
        File.WriteAllBytes(file, payload);
        ExternalTool.Run("mosquitto_pub", ["-h", "127.0.0.1", "-p", Broker.Port.ToString(CultureInfo.InvariantCulture), "-q", "1", "-r", "-t", topic, "-f", file]);
    }

    private static async Task WaitForFileAsync(string path)
    {
        using var limit = new CancellationTokenSource(Patience);
        while (!File.Exists(path))
        {
            await Task.Delay(20, limit.Token);
        }
    }

    /// <summary>A started link, stopped like the host stops it.</summary>
    private sealed class RunningLink(MqttLink link) : IAsyncDisposable
    {
        public MqttLink Link { get; } = link;

        public async ValueTask DisposeAsync()
        {
            await Link.StopAsync(CancellationToken.None);
            Link.Dispose();
        }
    }
}
