using System.Buffers;
using Microsoft.Extensions.Logging;
using MQTTnet;
using MQTTnet.Exceptions;
using MQTTnet.Protocol;

namespace Edge.Agent.Mqtt;

// Subscriptions: registered (before the link starts with Subscribe, at any time with SubscribeAsync) and made again
// after every connection (clean sessions keep nothing on the broker). Handlers run on MQTTnet's receive path: they
// must be quick, so they hand work on; a handler that waits holds back every later message (which is how a slow
// consumer makes the broker wait).
public sealed partial class MqttLink
{
    private readonly Dictionary<string, Func<MqttInboundMessage, Task>> _subscriptions = new(StringComparer.Ordinal);

    /// <summary>Receives every QoS 1 message on <paramref name="topic"/> (an exact topic, no wildcards) from the next connection on.</summary>
    public void Subscribe(string topic, Func<MqttInboundMessage, Task> handler)
    {
        ArgumentException.ThrowIfNullOrEmpty(topic);
        ArgumentNullException.ThrowIfNull(handler);
        if (IsWildcard(topic))
        {
            throw new ArgumentException($"'{topic}' has a wildcard; the agent subscribes to exact topics only.", nameof(topic));
        }
        lock (_gate)
        {
            _subscriptions[topic] = handler;
        }
    }

    /// <summary>
    /// Receives every QoS 1 message matching <paramref name="filter"/> (wildcards allowed) from now on: subscribed at
    /// once when connected, and again after every reconnection until <see cref="UnsubscribeAsync"/>. Retained messages
    /// come with each of those subscriptions. May be called from any thread.
    /// </summary>
    /// <returns>True when the broker granted it now; false when the link is not connected (the next connection subscribes).</returns>
    /// <exception cref="MqttSubscriptionRefusedException">The broker refused it (an ACL, a bad filter); it is not kept.</exception>
    public async Task<bool> SubscribeAsync(string filter, Func<MqttInboundMessage, Task> handler, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(filter);
        ArgumentNullException.ThrowIfNull(handler);
        // Registered before the connection is checked: a connection made meanwhile subscribes it itself.
        lock (_gate)
        {
            _subscriptions[filter] = handler;
        }
        if (!_client.IsConnected)
        {
            return false;
        }
        MqttClientSubscribeResult result;
        try
        {
            result = await _client.SubscribeAsync(
                new MqttClientSubscribeOptionsBuilder().WithTopicFilter(filter, MqttQualityOfServiceLevel.AtLeastOnce).Build(), cancellationToken).ConfigureAwait(false);
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
                _subscriptions.Remove(filter);
            }
            throw new MqttSubscriptionRefusedException(filter, refused.ResultCode.ToString());
        }
        return true;
    }

    /// <summary>Stops a subscription made with <see cref="SubscribeAsync"/>: its handler gets no message from now on.</summary>
    public async Task UnsubscribeAsync(string filter, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(filter);
        lock (_gate)
        {
            if (!_subscriptions.Remove(filter))
            {
                return;
            }
        }
        if (!_client.IsConnected)
        {
            return;
        }
        try
        {
            await _client.UnsubscribeAsync(new MqttClientUnsubscribeOptionsBuilder().WithTopicFilter(filter).Build(), cancellationToken).ConfigureAwait(false);
        }
        catch (MqttCommunicationException)
        {
            // Gone with the connection; the next one does not subscribe it again.
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
        var message = e.ApplicationMessage;
        var handlers = new List<Func<MqttInboundMessage, Task>>(1);
        lock (_gate)
        {
            foreach (var (filter, handler) in _subscriptions)
            {
                if (filter == message.Topic || (IsWildcard(filter) && MqttTopicFilterComparer.Compare(message.Topic, filter) == MqttTopicFilterCompareResult.IsMatch))
                {
                    handlers.Add(handler);
                }
            }
        }
        if (handlers.Count == 0)
        {
            return;
        }
        var inbound = new MqttInboundMessage(
            message.Topic, message.Payload.ToArray(), message.Retain, message.ResponseTopic, message.CorrelationData);
        foreach (var handler in handlers)
        {
            try
            {
                await handler(inbound).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // A failing handler must not take the receive loop down with it.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogHandlerFailed(_logger, message.Topic, ex.Message);
            }
        }
    }

    private static bool IsWildcard(string filter) => filter.Contains('+', StringComparison.Ordinal) || filter.Contains('#', StringComparison.Ordinal);

    [LoggerMessage(Level = LogLevel.Warning, Message = "MQTT subscription to {Topic} refused: {Reason}")]
    private static partial void LogSubscribeRefused(ILogger logger, string topic, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Handling the message on {Topic} failed: {Reason}")]
    private static partial void LogHandlerFailed(ILogger logger, string topic, string reason);
}
