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

    /// <summary>
    /// Ends the open alarm, if any, without a frame (the agent is stopping): its <c>end</c> carries the last frame's
    /// score and model, <paramref name="timeUtc"/> and <paramref name="reason"/>. The tracker is idle afterwards.
    /// </summary>
    public AlarmEvent? EndNow(DateTime timeUtc, string reason)
    {
        if (_active is not { } active)
        {
            return null;
        }
        Reset(cooldownUntil: null);
        return new AlarmEvent(
            active.Id, AlarmEventKind.End, active.Camera, timeUtc, active.LastScore, active.Threshold, active.Peak, active.StartedUtc,
            active.Box, active.Snapshot, active.ModelVersion, reason);
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
        var active = new Active(_newId(), frame);
        _active = active;
        return Message(AlarmEventKind.Start, active, frame);
    }

    private AlarmEvent? ObserveActive(Active active, ScoredFrame frame)
    {
        active.LastScore = frame.Score;
        active.ModelVersion = frame.ModelVersion;
        var endLevel = active.Threshold * (1 - _rules.Hysteresis);
        if (frame.Score < endLevel)
        {
            active.UnderSince ??= frame.TimeUtc;
            if (frame.TimeUtc - active.UnderSince.Value >= _rules.Hold)
            {
                Reset(cooldownUntil: frame.TimeUtc + _rules.Cooldown);
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

    private void Reset(DateTime? cooldownUntil)
    {
        _active = null;
        _cooldownUntil = cooldownUntil;
        Array.Clear(_window);
        _windowFilled = 0;
        _windowNext = 0;
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

    private sealed class Active(Guid id, ScoredFrame start)
    {
        public Guid Id { get; } = id;

        public string Camera { get; } = start.Camera;

        public DateTime StartedUtc { get; } = start.TimeUtc;

        public double Threshold { get; } = start.Threshold;

        public double Peak { get; set; } = start.Score;

        public double PeakSent { get; set; } = start.Score;

        public AlarmBox Box { get; set; } = start.Box;

        public string? Snapshot { get; set; } = start.Snapshot;

        public double LastScore { get; set; } = start.Score;

        public string ModelVersion { get; set; } = start.ModelVersion;

        public DateTime? UnderSince { get; set; }
    }
}
