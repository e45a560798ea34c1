using System.Buffers;
using Edge.Fleet;
using Edge.Trainer.Commands;
using MQTTnet;
using MQTTnet.Exceptions;
using MQTTnet.Protocol;

namespace Edge.Trainer.Fleet;

/// <summary>
/// Puts an archive on the broker as retained QoS 1 chunks and its manifest (PROTOCOL.md, "Archives over MQTT"), or
/// takes them off again. The manifest goes last, so a device that finds one finds every chunk; an earlier manifest of
/// another chunking is removed first, and chunks it had beyond the new count afterwards.
/// </summary>
public static class ChunkPublisher
{
    /// <summary>How long to wait for a retained manifest: the broker sends it right after the subscription's acknowledgement.</summary>
    private static readonly TimeSpan RetainedWait = TimeSpan.FromSeconds(1);

    /// <returns>The manifest now on the broker.</returns>
    /// <exception cref="UserInputException">The broker cannot be reached or refused a message.</exception>
    public static async Task<ChunkManifest> PublishAsync(BrokerAddress broker, string path, RolloutArchive archive, int chunkBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(archive);
        var manifest = ChunkManifest.For(archive.Sha256, archive.Size, chunkBytes);
        using var client = new MqttClientFactory().CreateMqttClient();
        await BrokerConnection.ConnectAsync(client, BrokerConnection.Options(broker, "chunks"), broker, cancellationToken).ConfigureAwait(false);
        var earlier = await ReadManifestAsync(client, archive.Sha256, cancellationToken).ConfigureAwait(false);
        if (earlier is not null && earlier != manifest)
        {
            // Devices must not read the old manifest while chunks of another size replace its chunks.
            await SendRetainedAsync(client, ArchiveChunks.ManifestTopic(archive.Sha256), ReadOnlyMemory<byte>.Empty, "the old manifest", cancellationToken).ConfigureAwait(false);
        }
        var buffer = ArrayPool<byte>.Shared.Rent(chunkBytes);
        try
        {
            var stream = File.OpenRead(path);
            await using (stream.ConfigureAwait(false))
            {
                if (stream.Length != archive.Size)
                {
                    throw new UserInputException($"--archive '{path}' changed while it was read ({stream.Length} bytes now, {archive.Size} before).");
                }
                for (var index = 0; index < manifest.Count; index++)
                {
                    var length = manifest.LengthOf(index);
                    await stream.ReadExactlyAsync(buffer.AsMemory(0, length), cancellationToken).ConfigureAwait(false);
                    await SendRetainedAsync(client, ArchiveChunks.ChunkTopic(archive.Sha256, index), buffer.AsMemory(0, length), $"chunk {index}", cancellationToken).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        await SendRetainedAsync(client, ArchiveChunks.ManifestTopic(archive.Sha256), manifest.ToJson(), "the manifest", cancellationToken).ConfigureAwait(false);
        for (var index = manifest.Count; index < (earlier?.Count ?? 0); index++)
        {
            await SendRetainedAsync(client, ArchiveChunks.ChunkTopic(archive.Sha256, index), ReadOnlyMemory<byte>.Empty, $"old chunk {index}", cancellationToken).ConfigureAwait(false);
        }
        await client.DisconnectAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        return manifest;
    }

    /// <summary>Removes the manifest, then the chunks (empty retained messages); the manifest on the broker says how many.</summary>
    /// <param name="chunkBytes">The chunk size to assume when the broker has no manifest.</param>
    /// <returns>The number of chunks removed, and whether there was a manifest.</returns>
    public static async Task<(int Chunks, bool HadManifest)> ClearAsync(BrokerAddress broker, RolloutArchive archive, int chunkBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(archive);
        using var client = new MqttClientFactory().CreateMqttClient();
        await BrokerConnection.ConnectAsync(client, BrokerConnection.Options(broker, "chunks"), broker, cancellationToken).ConfigureAwait(false);
        var earlier = await ReadManifestAsync(client, archive.Sha256, cancellationToken).ConfigureAwait(false);
        var count = earlier?.Count ?? ChunkManifest.For(archive.Sha256, archive.Size, chunkBytes).Count;
        await SendRetainedAsync(client, ArchiveChunks.ManifestTopic(archive.Sha256), ReadOnlyMemory<byte>.Empty, "the manifest", cancellationToken).ConfigureAwait(false);
        for (var index = 0; index < count; index++)
        {
            await SendRetainedAsync(client, ArchiveChunks.ChunkTopic(archive.Sha256, index), ReadOnlyMemory<byte>.Empty, $"chunk {index}", cancellationToken).ConfigureAwait(false);
        }
        await client.DisconnectAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        return (count, earlier is not null);
    }

    private static async Task<ChunkManifest?> ReadManifestAsync(IMqttClient client, string sha256, CancellationToken cancellationToken)
    {
        var topic = ArchiveChunks.ManifestTopic(sha256);
        var found = new TaskCompletionSource<ChunkManifest?>(TaskCreationOptions.RunContinuationsAsynchronously);
        Task OnMessage(MqttApplicationMessageReceivedEventArgs e)
        {
            if (e.ApplicationMessage.Topic == topic)
            {
                try
                {
                    found.TrySetResult(ChunkManifest.Parse(e.ApplicationMessage.Payload.ToArray()));
                }
                catch (FormatException)
                {
                    // Not a manifest: nothing this publisher can rely on.
                    found.TrySetResult(null);
                }
            }
            return Task.CompletedTask;
        }
        client.ApplicationMessageReceivedAsync += OnMessage;
        try
        {
            await client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter(topic, MqttQualityOfServiceLevel.AtLeastOnce).Build(), cancellationToken)
                .ConfigureAwait(false);
            var first = await Task.WhenAny(found.Task, Task.Delay(RetainedWait, cancellationToken)).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            await client.UnsubscribeAsync(new MqttClientUnsubscribeOptionsBuilder().WithTopicFilter(topic).Build(), cancellationToken).ConfigureAwait(false);
            return first == found.Task ? await found.Task.ConfigureAwait(false) : null;
        }
        finally
        {
            client.ApplicationMessageReceivedAsync -= OnMessage;
        }
    }

    private static async Task SendRetainedAsync(IMqttClient client, string topic, ReadOnlyMemory<byte> payload, string what, CancellationToken cancellationToken)
    {
        var message = new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(payload.ToArray())
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithRetainFlag(true)
            .Build();
        MqttClientPublishResult result;
        try
        {
            result = await client.PublishAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (MqttCommunicationException e)
        {
            throw new UserInputException(
                $"The broker dropped the connection while {what} was published ({payload.Length} bytes): {e.Message}. If it limits message sizes (mosquitto's message_size_limit, max_packet_size), use a smaller --chunk-kb.", e);
        }
        if (!result.IsSuccess && result.ReasonCode != MqttClientPublishReasonCode.NoMatchingSubscribers)
        {
            throw new UserInputException($"The broker refused {what} on {topic}: {result.ReasonCode} {result.ReasonString}".TrimEnd() + ".");
        }
    }
}
