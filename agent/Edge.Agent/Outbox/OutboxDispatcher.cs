using Edge.Agent.Mqtt;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MQTTnet.Protocol;

namespace Edge.Agent.Outbox;

/// <summary>
/// Sends the outbox to the broker in order, one message at a time: publish with QoS 1, remove only after
/// PUBACK, and on failure wait for the link to come back and send the same message again. Delivery is
/// therefore at least once and in order; subscribers de-duplicate by alarm id. On stop it keeps sending
/// for up to <see cref="FlushTimeout"/> while the link is up, so a clean shutdown leaves nothing behind.
/// </summary>
public sealed partial class OutboxDispatcher : BackgroundService
{
    private static readonly TimeSpan RetryPause = TimeSpan.FromMilliseconds(200);

    private readonly SqliteOutbox _outbox;
    private readonly MqttLink _link;
    private readonly ILogger<OutboxDispatcher> _logger;
    private long _sent;

    public OutboxDispatcher(SqliteOutbox outbox, MqttLink link, ILogger<OutboxDispatcher> logger)
    {
        _outbox = outbox;
        _link = link;
        _logger = logger;
    }

    /// <summary>How long a stopping agent keeps flushing the outbox.</summary>
    public TimeSpan FlushTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Messages acknowledged by the broker and removed since start.</summary>
    public long Sent => Interlocked.Read(ref _sent);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await SendAsync(untilEmpty: false, stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: flush below.
        }
        if (_outbox.Count == 0 || !_link.IsConnected)
        {
            return;
        }
        using var flush = new CancellationTokenSource(FlushTimeout);
        try
        {
            await SendAsync(untilEmpty: true, flush.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Out of time; what is left is sent after the next start.
        }
        LogFlushed(_logger, _outbox.Count);
    }

    /// <summary>Sends until cancelled, or (with <paramref name="untilEmpty"/>) until the outbox is empty or the link drops.</summary>
    private async Task SendAsync(bool untilEmpty, CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var message = _outbox.Oldest();
            if (message is null)
            {
                if (untilEmpty)
                {
                    return;
                }
                await _outbox.WaitForMessageAsync(cancellationToken).ConfigureAwait(false);
                continue;
            }
            if (!_link.IsConnected)
            {
                if (untilEmpty)
                {
                    return;
                }
                await _link.WaitConnectedAsync(cancellationToken).ConfigureAwait(false);
            }
            if (await _link.PublishAsync(message.Topic, message.Payload, MqttQualityOfServiceLevel.AtLeastOnce, retain: false, cancellationToken).ConfigureAwait(false))
            {
                _outbox.Remove(message.Sequence);
                Interlocked.Increment(ref _sent);
            }
            else
            {
                // Not acknowledged: the same message goes again once the link is back, so order holds.
                await Task.Delay(RetryPause, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox flushed on stop; {Left} message(s) left for the next start")]
    private static partial void LogFlushed(ILogger logger, long left);
}
