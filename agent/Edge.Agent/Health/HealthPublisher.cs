using Edge.Agent.Configuration;
using Edge.Agent.Mqtt;
using Edge.Agent.Pipeline;
using Microsoft.Extensions.Hosting;
using MQTTnet.Protocol;

namespace Edge.Agent.Health;

/// <summary>
/// Publishes <see cref="HealthMetrics"/> on <c>edge/&lt;site&gt;/&lt;device&gt;/health</c> every interval
/// (QoS 0: a lost health message is replaced by the next one), and once right after each connection.
/// </summary>
public sealed class HealthPublisher : BackgroundService
{
    private readonly HealthMetrics _metrics;
    private readonly PipelineProgress _progress;
    private readonly MqttLink _link;
    private readonly MqttTopics _topics;
    private readonly TimeSpan _interval;

    public HealthPublisher(HealthMetrics metrics, PipelineProgress progress, MqttLink link, MqttTopics topics, HealthConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        _metrics = metrics;
        _progress = progress;
        _link = link;
        _topics = topics;
        _interval = TimeSpan.FromSeconds(config.IntervalSeconds);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_interval);
        try
        {
            await _link.WaitConnectedAsync(stoppingToken).ConfigureAwait(false);
            do
            {
                var report = _metrics.Snapshot(_progress.State);
                await _link.PublishAsync(_topics.Health, HealthJson.Serialize(report), MqttQualityOfServiceLevel.AtMostOnce, retain: false, stoppingToken)
                    .ConfigureAwait(false);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }
}
