using System.Buffers;
using Microsoft.Extensions.Logging;
using MQTTnet;
using MQTTnet.Exceptions;
using MQTTnet.Protocol;

namespace Edge.Agent.Mqtt;

// Subscriptions, to exact topics only: registered before the link starts (Subscribe) or at any time (SubscribeAsync),
// and made again after every connection (clean sessions keep nothing on the broker). Handlers run on MQTTnet's
// receive path: they must be quick, so they hand work on; a handler that waits holds back every later message.
public sealed partial class MqttLink
{
    private readonly Dictionary<string, Subscription> _subscriptions = new(StringComparer.Ordinal);

    /// <summary>Receives every QoS 1 message on <paramref name="topic"/> (an exact topic, no wildcards) from the next connection on.</summary>
    /// <param name="topic">The exact topic.</param>
    /// <param name="handler">Gets each message.</param>
    /// <param name="maxPayloadBytes">
    /// The largest payload the handler takes (at most <see cref="MaximumPacketBytes"/>): a larger one is not copied, and the
    /// handler gets it empty with <see cref="MqttInboundMessage.OversizedBytes"/> set, to refuse it with its reason.
    /// </param>
    public void Subscribe(string topic, Func<MqttInboundMessage, Task> handler, int maxPayloadBytes = MaximumPacketBytes)
    {
        ArgumentException.ThrowIfNullOrEmpty(topic);
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxPayloadBytes, MaximumPacketBytes);
        RefuseWildcard(topic);
        lock (_gate)
        {
            _subscriptions[topic] = new Subscription(handler, maxPayloadBytes);
        }
    }

    /// <summary>
    /// Receives every QoS 1 message on <paramref name="topics"/> (exact topics) from now on: subscribed at once, in one
    /// request, when connected, and again after every reconnection until <see cref="UnsubscribeAsync"/>. Each
    /// subscription brings the topic's retained message. May be called from any thread.
    /// </summary>
    /// <returns>True when the broker granted them now; false when the link is not connected (the next connection subscribes).</returns>
    /// <exception cref="MqttSubscriptionRefusedException">The broker refused one (an ACL); none of them is kept.</exception>
    public async Task<bool> SubscribeAsync(IReadOnlyCollection<string> topics, Func<MqttInboundMessage, Task> handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(topics);
        ArgumentNullException.ThrowIfNull(handler);
        if (topics.Count == 0)
        {
            return true;
        }
        foreach (var topic in topics)
        {
            ArgumentException.ThrowIfNullOrEmpty(topic);
            RefuseWildcard(topic);
        }
        // Registered before the connection is checked: a connection made meanwhile subscribes them itself.
        lock (_gate)
        {
            foreach (var topic in topics)
            {
                _subscriptions[topic] = new Subscription(handler, MaximumPacketBytes);
            }
        }
        if (!_client.IsConnected)
        {
            return false;
        }
        var options = new MqttClientSubscribeOptionsBuilder();
        foreach (var topic in topics)
        {
            options.WithTopicFilter(topic, MqttQualityOfServiceLevel.AtLeastOnce);
        }
        MqttClientSubscribeResult result;
        try
        {
            result = await _client.SubscribeAsync(options.Build(), cancellationToken).ConfigureAwait(false);
        }
        catch (MqttCommunicationException)
        {
            // The connection dropped meanwhile: the next one subscribes.
            return false;
        }
        if (result.Items.FirstOrDefault(i => i.ResultCode > MqttClientSubscribeResultCode.GrantedQoS2) is { } refused)
        {
            lock (_gate)
            {
                foreach (var topic in topics)
                {
                    _subscriptions.Remove(topic);
                }
            }
            throw new MqttSubscriptionRefusedException(refused.TopicFilter.Topic, refused.ResultCode.ToString());
        }
        return true;
    }

    /// <summary>Ends subscriptions: their handlers get no message from now on (also one the broker had already sent).</summary>
    public async Task UnsubscribeAsync(IReadOnlyCollection<string> topics, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(topics);
        var removed = new List<string>(topics.Count);
        lock (_gate)
        {
            removed.AddRange(topics.Where(_subscriptions.Remove));
        }
        if (removed.Count == 0 || !_client.IsConnected)
        {
            return;
        }
        var options = new MqttClientUnsubscribeOptionsBuilder();
        foreach (var topic in removed)
        {
            options.WithTopicFilter(topic);
        }
        try
        {
            await _client.UnsubscribeAsync(options.Build(), cancellationToken).ConfigureAwait(false);
        }
        catch (MqttCommunicationException)
        {
            // Gone with the connection; the next one does not subscribe them again.
        }
    }

    private static void RefuseWildcard(string topic)
    {
        if (topic.Contains('+', StringComparison.Ordinal) || topic.Contains('#', StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{topic}' has a wildcard; the agent subscribes to exact topics only.", nameof(topic));
        }
    }

    /// <summary>Publishes an MQTT 5 reply (QoS 1, with the request's correlation data); true once acknowledged.</summary>
    public async Task<bool> PublishReplyAsync(string topic, ReadOnlyMemory<byte> payload, byte[]? correlationData, CancellationToken cancellationToken)
    {
        if (!_client.IsConnected)
        {
            return false;
        }
        var builder = new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(payload.ToArray())
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce);
        if (correlationData is not null)
        {
            builder.WithCorrelationData(correlationData);
        }
        try
        {
            var result = await _client.PublishAsync(builder.Build(), cancellationToken).ConfigureAwait(false);
            return result.IsSuccess || result.ReasonCode == MqttClientPublishReasonCode.NoMatchingSubscribers;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // A reply that cannot be sent is logged; the command's state topic still tells.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogPublishFailed(_logger, topic, e.Message);
            return false;
        }
    }

    private async Task SubscribeRegisteredAsync(CancellationToken cancellationToken)
    {
        string[] topics;
        lock (_gate)
        {
            topics = [.. _subscriptions.Keys];
        }
        if (topics.Length == 0)
        {
            return;
        }
        var options = new MqttClientSubscribeOptionsBuilder();
        foreach (var topic in topics)
        {
            options.WithTopicFilter(topic, MqttQualityOfServiceLevel.AtLeastOnce);
        }
        var result = await _client.SubscribeAsync(options.Build(), cancellationToken).ConfigureAwait(false);
        foreach (var item in result.Items.Where(i => i.ResultCode > MqttClientSubscribeResultCode.GrantedQoS2))
        {
            LogSubscribeRefused(_logger, item.TopicFilter.Topic, item.ResultCode.ToString());
        }
    }

    private async Task OnMessageAsync(MqttApplicationMessageReceivedEventArgs e)
    {
        Subscription? subscription;
        var message = e.ApplicationMessage;
        lock (_gate)
        {
            _subscriptions.TryGetValue(message.Topic, out subscription);
        }
        if (subscription is null)
        {
            return;
        }
        // Measured before anything is copied: a payload the handler cannot take costs no second buffer of its size.
        var length = message.Payload.Length;
        var oversized = length > subscription.MaxPayloadBytes;
        if (oversized)
        {
            LogOversized(_logger, message.Topic, length, subscription.MaxPayloadBytes);
        }
        var inbound = new MqttInboundMessage(
            message.Topic, oversized ? [] : message.Payload.ToArray(), message.Retain, message.ResponseTopic, message.CorrelationData)
        {
            OversizedBytes = oversized ? length : 0,
        };
        try
        {
            await subscription.Handler(inbound).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // A failing handler must not take the receive loop down with it.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogHandlerFailed(_logger, message.Topic, ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "MQTT message on {Topic} refused unread: {Bytes} bytes, more than the {Limit} that topic takes")]
    private static partial void LogOversized(ILogger logger, string topic, long bytes, int limit);

    [LoggerMessage(Level = LogLevel.Warning, Message = "MQTT subscription to {Topic} refused: {Reason}")]
    private static partial void LogSubscribeRefused(ILogger logger, string topic, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Handling the message on {Topic} failed: {Reason}")]
    private static partial void LogHandlerFailed(ILogger logger, string topic, string reason);

    private sealed record Subscription(Func<MqttInboundMessage, Task> Handler, int MaxPayloadBytes);
}
