using Edge.Agent.Pipeline;

namespace Edge.Agent.Hosting;

/// <summary>
/// Decides, once per watchdog interval, whether to send <c>WATCHDOG=1</c>: only when the pipeline has
/// beaten since the last decision. A pipeline that stalls (a frame stuck in inference, a dead loop)
/// stops the pings and systemd restarts the service. One caller at a time.
/// </summary>
public sealed class WatchdogPinger
{
    private readonly SystemdNotifier _notifier;
    private readonly PipelineProgress _progress;
    private long _lastBeats;

    public WatchdogPinger(SystemdNotifier notifier, PipelineProgress progress)
    {
        _notifier = notifier;
        _progress = progress;
        _lastBeats = progress.Beats;
    }

    /// <summary>Pings if the pipeline made progress since the previous call; returns whether it pinged.</summary>
    public bool Tick()
    {
        var beats = _progress.Beats;
        if (beats == _lastBeats)
        {
            return false;
        }
        _lastBeats = beats;
        return _notifier.Notify("WATCHDOG=1");
    }
}
