using Edge.Agent.Configuration;

namespace Edge.Agent.Alarms;

/// <summary>
/// The alarm lifecycle of one camera, as pure logic over scored frames (their own timestamps, no clock):
/// <list type="bullet">
/// <item>start when at least k of the last n frames are over threshold (debounce);</item>
/// <item>update when the peak score grows by more than <see cref="AlarmConfig.UpdateMinRise"/> of the last peak sent;</item>
/// <item>end when the score has stayed under threshold × (1 − hysteresis) for the hold time;</item>
/// <item>after an end, no new start for the cooldown (frames in it do not count towards the debounce).</item>
/// </list>
/// Not thread-safe: one tracker per camera, fed by that camera's pipeline.
/// </summary>
public sealed class AlarmTracker
{
    private readonly AlarmConfig _rules;
    private readonly Func<Guid> _newId;
    private readonly bool[] _window;
    private int _windowNext;
    private int _windowFilled;
    private Active? _active;
    private DateTime? _cooldownUntil;

    public AlarmTracker(AlarmConfig rules, Func<Guid>? newId = null)
    {
        ArgumentNullException.ThrowIfNull(rules);
        _rules = rules;
        _newId = newId ?? Guid.CreateVersion7;
        _window = new bool[rules.DebounceN];
    }

    public bool IsActive => _active is not null;

    /// <summary>Takes the next frame of the camera (in time order) and returns the message it causes, if any.</summary>
    public AlarmEvent? Observe(ScoredFrame frame)
    {
        return _active is { } active ? ObserveActive(active, frame) : ObserveIdle(frame);
    }

    private AlarmEvent? ObserveIdle(ScoredFrame frame)
    {
        if (_cooldownUntil is { } until && frame.TimeUtc < until)
        {
            return null;
        }
        _cooldownUntil = null;
        _window[_windowNext] = frame.Score > frame.Threshold;
        _windowNext = (_windowNext + 1) % _window.Length;
        _windowFilled = Math.Min(_windowFilled + 1, _window.Length);
        var over = 0;
        for (var i = 0; i < _windowFilled; i++)
        {
            over += _window[i] ? 1 : 0;
        }
        if (over < _rules.DebounceK || frame.Score <= frame.Threshold)
        {
            return null;
        }
        var active = new Active(_newId(), frame.TimeUtc, frame.Threshold, frame.Score, frame.Box, frame.Snapshot);
        _active = active;
        return Message(AlarmEventKind.Start, active, frame);
    }

    private AlarmEvent? ObserveActive(Active active, ScoredFrame frame)
    {
        var endLevel = active.Threshold * (1 - _rules.Hysteresis);
        if (frame.Score < endLevel)
        {
            active.UnderSince ??= frame.TimeUtc;
            if (frame.TimeUtc - active.UnderSince.Value >= _rules.Hold)
            {
                _active = null;
                _cooldownUntil = frame.TimeUtc + _rules.Cooldown;
                Array.Clear(_window);
                _windowFilled = 0;
                _windowNext = 0;
                return Message(AlarmEventKind.End, active, frame);
            }
            return null;
        }
        active.UnderSince = null;
        if (frame.Score > active.Peak)
        {
            active.Peak = frame.Score;
            active.Box = frame.Box;
            active.Snapshot = frame.Snapshot;
            if (frame.Score > active.PeakSent * (1 + _rules.UpdateMinRise))
            {
                active.PeakSent = frame.Score;
                return Message(AlarmEventKind.Update, active, frame);
            }
        }
        return null;
    }

    private static AlarmEvent Message(AlarmEventKind kind, Active active, ScoredFrame frame) => new(
        active.Id,
        kind,
        frame.Camera,
        frame.TimeUtc,
        frame.Score,
        active.Threshold,
        active.Peak,
        active.StartedUtc,
        active.Box,
        active.Snapshot,
        frame.ModelVersion);

    private sealed class Active(Guid id, DateTime startedUtc, double threshold, double peak, AlarmBox box, string? snapshot)
    {
        public Guid Id { get; } = id;

        public DateTime StartedUtc { get; } = startedUtc;

        public double Threshold { get; } = threshold;

        public double Peak { get; set; } = peak;

        public double PeakSent { get; set; } = peak;

        public AlarmBox Box { get; set; } = box;

        public string? Snapshot { get; set; } = snapshot;

        public DateTime? UnderSince { get; set; }
    }
}
