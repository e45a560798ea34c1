using System.Text;
using Edge.Agent.Cameras.Supervision;
using Edge.Agent.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MQTTnet;
using MQTTnet.Exceptions;
using MQTTnet.Protocol;

namespace Edge.Agent.Mqtt;

/// <summary>
/// The agent's one connection to the broker, kept up by a supervising loop: connect, publish the retained
/// <c>online</c> status, wait until the connection drops, back off (capped, exponential), connect again.
/// The client's disconnect event only wakes the loop; it never reconnects itself (MQTTnet warns that
/// doing so inside the event can deadlock). On stop: retained <c>offline</c>, then a clean disconnect
/// (which suppresses the last will). <see cref="PublishAsync"/> may be called from any thread.
/// </summary>
public sealed partial class MqttLink : BackgroundService
{
    /// <summary>
    /// The largest MQTT packet the agent takes (MQTT 5 tells the broker, which then drops a larger message for this client
    /// instead of sending it): an archive chunk, the largest message the agent receives, and room for its topic and properties.
    /// </summary>
    public const int MaximumPacketBytes = Fleet.ArchiveChunks.MaxChunkBytes + (64 * 1024);

    private static readonly TimeSpan StopPublishTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan StableConnection = TimeSpan.FromSeconds(30);

    private readonly IMqttClient _client;
    private readonly MqttClientOptions _options;
    private readonly string _broker;
    private readonly bool _announceStatus;
    private readonly MqttTopics _topics;
    private readonly ReconnectBackoff _backoff;
    private readonly ILogger<MqttLink> _logger;
    private readonly Lock _gate = new();
    private TaskCompletionSource _connected = NewSignal();
    private TaskCompletionSource _lost = NewSignal();
    private int _connections;
    private volatile bool _stopping;

    /// <param name="config">The broker and how to reach it.</param>
    /// <param name="topics">The agent's topics.</param>
    /// <param name="logger">Where connection changes are logged.</param>
    /// <param name="announceStatus">
    /// Publish the retained online/offline status and leave offline as last will: the service does; a
    /// side tool (test-alarms) next to a running service must not.
    /// </param>
    public MqttLink(MqttConfig config, MqttTopics topics, ILogger<MqttLink> logger, bool announceStatus = true)
    {
        ArgumentNullException.ThrowIfNull(config);
        _announceStatus = announceStatus;
        _options = MqttOptionsFactory.Create(config, topics, withLastWill: announceStatus);
        _broker = $"{config.Host}:{config.Port}";
        _topics = topics;
        _backoff = new ReconnectBackoff(
            TimeSpan.FromSeconds(config.ReconnectMinSeconds), TimeSpan.FromSeconds(config.ReconnectMaxSeconds));
        _logger = logger;
        _client = new MqttClientFactory().CreateMqttClient();
        _client.DisconnectedAsync += OnDisconnectedAsync;
        _client.ApplicationMessageReceivedAsync += OnMessageAsync;
    }

    public bool IsConnected => _client.IsConnected;

    /// <summary>Successful connections so far (the first plus every reconnection).</summary>
    public int Connections => Volatile.Read(ref _connections);

    /// <summary>Completes when the link is connected (at once if it is).</summary>
    public Task WaitConnectedAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return _connected.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Publishes one message. With QoS 1 returns true only once the broker acknowledged it (PUBACK);
    /// false when not connected or the publish failed (the caller keeps the message and tries again).
    /// </summary>
    public async Task<bool> PublishAsync(
        string topic,
        ReadOnlyMemory<byte> payload,
        MqttQualityOfServiceLevel qualityOfService,
        bool retain,
        CancellationToken cancellationToken)
    {
        if (!_client.IsConnected)
        {
            return false;
        }
        var message = new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(payload.ToArray())
            .WithQualityOfServiceLevel(qualityOfService)
            .WithRetainFlag(retain)
            .Build();
        try
        {
            var result = await _client.PublishAsync(message, cancellationToken).ConfigureAwait(false);
            // "No matching subscribers" is still the broker's acknowledgement of a stored-and-forwarded message.
            return result.IsSuccess || result.ReasonCode == MqttClientPublishReasonCode.NoMatchingSubscribers;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // Whatever the client throws, the message stays in the caller's hands for a retry.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogPublishFailed(_logger, topic, e.Message);
            return false;
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _stopping = true;
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        if (!_client.IsConnected)
        {
            return;
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(StopPublishTimeout);
        try
        {
            await PublishStatusAsync(MqttTopics.Offline, timeout.Token).ConfigureAwait(false);
            await _client.DisconnectAsync(
                new MqttClientDisconnectOptionsBuilder().WithReason(MqttClientDisconnectOptionsReason.NormalDisconnection).Build(),
                timeout.Token).ConfigureAwait(false);
            LogDisconnected(_logger, _announceStatus ? "; status offline" : "");
        }
        catch (Exception e) when (e is MqttCommunicationException or OperationCanceledException)
        {
            // The broker went away during shutdown: the last will says offline for us.
            LogPublishFailed(_logger, _topics.Status, e.Message);
        }
    }

    public override void Dispose()
    {
        _client.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            TaskCompletionSource lost;
            lock (_gate)
            {
                lost = _lost = NewSignal();
            }
            try
            {
                await _client.ConnectAsync(_options, stoppingToken).ConfigureAwait(false);
                if (!await PublishStatusAsync(MqttTopics.Online, stoppingToken).ConfigureAwait(false))
                {
                    throw new MqttCommunicationException("the broker did not acknowledge the online status");
                }
                await SubscribeRegisteredAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The supervising loop must outlive any failure to connect (DNS, TLS, refused, timeout).
            catch (Exception e)
#pragma warning restore CA1031
            {
                await DropHalfOpenConnectionAsync().ConfigureAwait(false);
                failures++;
                var delay = _backoff.DelayAfter(failures);
                LogConnectFailed(_logger, _broker, e.Message, delay.TotalSeconds);
                if (!await DelayAsync(delay, stoppingToken).ConfigureAwait(false))
                {
                    return;
                }
                continue;
            }
            var connectedAt = Environment.TickCount64;
            Interlocked.Increment(ref _connections);
            LogConnected(_logger, _broker, _announceStatus ? "; status online" : "");
            lock (_gate)
            {
                _connected.TrySetResult();
            }
            try
            {
                await lost.Task.WaitAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            lock (_gate)
            {
                _connected = NewSignal();
            }
            // After a long connection, reconnect at once (a broker restart, a network blip). A connection
            // that keeps dropping soon after it is made (another client with our id, a broker that
            // refuses our messages) backs off like a failed one instead of fighting in a tight loop.
            if (TimeSpan.FromMilliseconds(Environment.TickCount64 - connectedAt) >= StableConnection)
            {
                failures = 0;
            }
            else if (!await DelayAsync(_backoff.DelayAfter(++failures), stoppingToken).ConfigureAwait(false))
            {
                return;
            }
        }
    }

    // Connected but the online status was refused: start over from a clean state.
    private async Task DropHalfOpenConnectionAsync()
    {
        if (_client.IsConnected)
        {
            try
            {
                await _client.DisconnectAsync().ConfigureAwait(false);
            }
            catch (MqttCommunicationException)
            {
                // Already gone.
            }
        }
    }

    private Task<bool> PublishStatusAsync(string status, CancellationToken cancellationToken) => !_announceStatus
        ? Task.FromResult(true)
        : PublishAsync(_topics.Status, Encoding.UTF8.GetBytes(status), MqttQualityOfServiceLevel.AtLeastOnce, retain: true, cancellationToken);

    private Task OnDisconnectedAsync(MqttClientDisconnectedEventArgs e)
    {
        if (e.ClientWasConnected && !_stopping)
        {
            LogLost(_logger, e.Reason.ToString(), e.Exception?.Message ?? "");
        }
        lock (_gate)
        {
            _lost.TrySetResult();
        }
        return Task.CompletedTask;
    }

    private static async Task<bool> DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    [LoggerMessage(Level = LogLevel.Information, Message = "MQTT connected to {Broker}{Status}")]
    private static partial void LogConnected(ILogger logger, string broker, string status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "MQTT connection to {Broker} failed: {Reason}; retry in {Delay} s")]
    private static partial void LogConnectFailed(ILogger logger, string broker, string reason, double delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "MQTT connection lost ({Reason}) {Detail}")]
    private static partial void LogLost(ILogger logger, string reason, string detail);

    [LoggerMessage(Level = LogLevel.Warning, Message = "MQTT publish on {Topic} failed: {Reason}")]
    private static partial void LogPublishFailed(ILogger logger, string topic, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "MQTT disconnected{Status}")]
    private static partial void LogDisconnected(ILogger logger, string status);
}
