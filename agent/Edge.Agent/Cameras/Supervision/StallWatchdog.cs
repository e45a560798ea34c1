using System.Diagnostics;

namespace Edge.Agent.Cameras.Supervision;

/// <summary>
/// Cancels the current camera session when it makes no progress (no frame) for the stall timeout. Runs on
/// a timer, so it also catches a source blocked inside a read that never returns on its own.
/// </summary>
internal sealed class StallWatchdog : IDisposable
{
    private readonly TimeSpan _timeout;
    private readonly Timer _timer;
    private readonly Lock _lock = new();
    private CancellationTokenSource? _session;
    private long _lastProgress;
    private bool _stalled;

    public StallWatchdog(TimeSpan timeout)
    {
        _timeout = timeout;
        // Checking five times per timeout finds a stall at most 20% late.
        var period = TimeSpan.FromTicks(Math.Clamp(timeout.Ticks / 5, TimeSpan.TicksPerMillisecond * 10, TimeSpan.TicksPerSecond));
        _timer = new Timer(static w => ((StallWatchdog)w!).Check(), this, period, period);
    }

    /// <summary>Starts watching <paramref name="session"/>, counting from now.</summary>
    public void Watch(CancellationTokenSource session)
    {
        Progress();
        lock (_lock)
        {
            _session = session;
            _stalled = false;
        }
    }

    /// <summary>Records progress (a frame arrived); lock-free, called per frame.</summary>
    public void Progress() => Volatile.Write(ref _lastProgress, Stopwatch.GetTimestamp());

    /// <summary>Stops watching; returns true when the watchdog cancelled the session.</summary>
    public bool Unwatch()
    {
        lock (_lock)
        {
            _session = null;
            return _stalled;
        }
    }

    public void Dispose() => _timer.Dispose();

    private void Check()
    {
        lock (_lock)
        {
            if (_session is null || _stalled || Stopwatch.GetElapsedTime(Volatile.Read(ref _lastProgress)) < _timeout)
            {
                return;
            }
            _stalled = true;
            try
            {
                _session.Cancel();
            }
            catch (AggregateException)
            {
                // A cancellation callback failed; the session is cancelled all the same, and a timer
                // callback must not throw (it would end the process).
            }
        }
    }
}
