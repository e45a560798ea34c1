using System.Globalization;
using Edge.Agent.Health;
using Edge.Agent.Pipeline;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Edge.Agent.Hosting;

/// <summary>
/// Speaks to systemd for the agent: <c>READY=1</c> once the pipeline reports ready (not when the host has
/// merely started), <c>WATCHDOG=1</c> at half of <c>WATCHDOG_USEC</c> while the pipeline beats,
/// <c>STATUS=</c> with state and fps, and <c>STOPPING=1</c> as soon as shutdown begins.
/// </summary>
public sealed partial class SystemdNotifyService : BackgroundService
{
    private static readonly TimeSpan StatusInterval = TimeSpan.FromSeconds(5);

    private readonly SystemdNotifier _notifier;
    private readonly PipelineProgress _progress;
    private readonly HealthMetrics _metrics;
    private readonly WatchdogSettings? _watchdog;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly ILogger<SystemdNotifyService> _logger;
    private CancellationTokenRegistration _stopping;

    public SystemdNotifyService(
        SystemdNotifier notifier,
        PipelineProgress progress,
        HealthMetrics metrics,
        WatchdogSettings? watchdog,
        IHostApplicationLifetime lifetime,
        ILogger<SystemdNotifyService> logger)
    {
        _notifier = notifier;
        _progress = progress;
        _metrics = metrics;
        _watchdog = watchdog;
        _lifetime = lifetime;
        _logger = logger;
    }

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // ApplicationStopping fires before any service stops, so systemd learns of the stop first.
        _stopping = _lifetime.ApplicationStopping.Register(() => _notifier.Notify("STOPPING=1"));
        return base.StartAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _stopping.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_notifier.IsEnabled)
        {
            return;
        }
        _notifier.Notify("STATUS=starting: waiting for cameras and model");
        try
        {
            await _progress.WhenReady.WaitAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        _notifier.Notify("READY=1");
        LogReady(_logger, _notifier.SocketPath ?? "", _watchdog?.PingInterval.TotalSeconds);
        var tick = _watchdog is null ? StatusInterval : TimeSpan.FromTicks(Math.Min(_watchdog.PingInterval.Ticks, StatusInterval.Ticks));
        var pinger = new WatchdogPinger(_notifier, _progress);
        var lastStatus = DateTime.MinValue;
        string? lastState = null;
        using var timer = new PeriodicTimer(tick);
        do
        {
            if (_watchdog is not null)
            {
                pinger.Tick();
            }
            var now = DateTime.UtcNow;
            var state = _progress.State;
            if (state != lastState || now - lastStatus >= StatusInterval)
            {
                _notifier.Notify("STATUS=" + StatusLine(state));
                lastStatus = now;
                lastState = state;
            }
        }
        while (await WaitAsync(timer, stoppingToken).ConfigureAwait(false));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken token)
    {
        try
        {
            return await timer.WaitForNextTickAsync(token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private string StatusLine(string state)
    {
        var report = _metrics.Snapshot(state);
        return string.Create(CultureInfo.InvariantCulture, $"{report.State}, {report.Fps:0.#} fps, outbox {report.OutboxDepth}");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Told systemd READY=1 on {Socket}; watchdog ping every {Interval} s")]
    private static partial void LogReady(ILogger logger, string socket, double? interval);
}
