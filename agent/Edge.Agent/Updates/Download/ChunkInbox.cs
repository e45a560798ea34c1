using System.Threading.Channels;
using Edge.Agent.Mqtt;

namespace Edge.Agent.Updates.Download;

/// <summary>
/// The messages of one chunked receive: the topics it subscribed on the link, and a small queue between the link's
/// receive path and the receive that writes them. While the queue is full the link waits, and so does the broker
/// (QoS 1: the next message comes after the acknowledgement). Disposing ends every subscription and lets a waiting
/// handler return. One reader.
/// </summary>
internal sealed class ChunkInbox : IAsyncDisposable
{
    private static readonly TimeSpan UnsubscribeLimit = TimeSpan.FromSeconds(5);

    private readonly MqttLink _link;
    private readonly Channel<MqttInboundMessage> _queue;
    private readonly HashSet<string> _subscribed = new(StringComparer.Ordinal);

    public ChunkInbox(MqttLink link, int backlog)
    {
        _link = link;
        _queue = Channel.CreateBounded<MqttInboundMessage>(new BoundedChannelOptions(backlog) { SingleReader = true });
    }

    public ValueTask<MqttInboundMessage> ReadAsync(CancellationToken cancellationToken) => _queue.Reader.ReadAsync(cancellationToken);

    /// <exception cref="UpdateException">The broker refused the subscription.</exception>
    public async Task SubscribeAsync(IReadOnlyCollection<string> topics, CancellationToken cancellationToken)
    {
        _subscribed.UnionWith(topics);
        try
        {
            await _link.SubscribeAsync(topics, EnqueueAsync, cancellationToken).ConfigureAwait(false);
        }
        catch (MqttSubscriptionRefusedException e)
        {
            _subscribed.ExceptWith(topics);
            throw new UpdateException($"{e.Message}; the broker must let devices read edge/chunks/#", e);
        }
    }

    public async Task UnsubscribeAsync(IReadOnlyCollection<string> topics)
    {
        _subscribed.ExceptWith(topics);
        // Also when the receive was stopped: a subscription left behind would feed a queue nobody reads.
        using var limit = new CancellationTokenSource(UnsubscribeLimit);
        try
        {
            await _link.UnsubscribeAsync(topics, limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The broker did not answer in time; the handlers are gone already, so late messages are dropped.
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        if (_subscribed.Count > 0)
        {
            await UnsubscribeAsync([.. _subscribed]).ConfigureAwait(false);
        }
    }

    private async Task EnqueueAsync(MqttInboundMessage message)
    {
        // Waits while the queue is full; returns at once when the receive is over (the queue is completed).
        while (await _queue.Writer.WaitToWriteAsync(CancellationToken.None).ConfigureAwait(false))
        {
            if (_queue.Writer.TryWrite(message))
            {
                return;
            }
        }
    }
}
