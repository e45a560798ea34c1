using System.Diagnostics;

namespace Edge.Trainer.Reporting;

/// <summary>
/// Time left in the current training phase: the remaining steps at this session's pace in the phase (from the first
/// step it saw to the latest), capped by what the time budget leaves. Steps are observed on the training thread and
/// the estimate read on a display's own, so both hold a lock.
/// </summary>
public sealed class EtaEstimate
{
    private readonly double _elapsedAtStart;
    private readonly Func<double> _now;
    private readonly double _sessionStart;
    private readonly Lock _lock = new();
    private string? _phase;
    private int _firstStep;
    private double _firstSeconds;
    private int _lastStep;
    private double _lastSeconds;

    /// <param name="elapsedAtStart">Run time spent before this session (a resumed run's checkpoint time).</param>
    /// <param name="clock">Seconds since some fixed point; a stopwatch started now unless given (tests give their own).</param>
    public EtaEstimate(double elapsedAtStart, Func<double>? clock = null)
    {
        _elapsedAtStart = elapsedAtStart;
        if (clock is null)
        {
            var watch = Stopwatch.StartNew();
            clock = () => watch.Elapsed.TotalSeconds;
        }
        _now = clock;
        _sessionStart = _now();
    }

    public void Observe(string phase, int step)
    {
        var now = _now();
        lock (_lock)
        {
            if (phase != _phase)
            {
                (_phase, _firstStep, _firstSeconds) = (phase, step, now);
            }
            (_lastStep, _lastSeconds) = (step, now);
        }
    }

    /// <summary>Seconds left in <paramref name="phase"/>; null before two of its steps were seen this session.</summary>
    public double? Remaining(string phase, int totalSteps, double deadlineSeconds)
    {
        double atThisPace;
        lock (_lock)
        {
            if (phase != _phase || _lastStep <= _firstStep)
            {
                return null;
            }
            var perStep = (_lastSeconds - _firstSeconds) / (_lastStep - _firstStep);
            atThisPace = perStep * Math.Max(0, totalSteps - _lastStep);
        }
        var runTime = _elapsedAtStart + (_now() - _sessionStart);
        return Math.Max(0, Math.Min(atThisPace, deadlineSeconds - runTime));
    }
}
