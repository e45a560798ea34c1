using Edge.Agent.Alarms;
using Edge.Agent.Configuration;

namespace Edge.Agent.Tests.Alarms;

/// <summary>The alarm lifecycle on hand-made score sequences with their own timestamps (no clock, no sleeping).</summary>
public class AlarmTrackerTests
{
    private const double Threshold = 0.5;

    private static readonly DateTime T0 = new(2025, 3, 1, 8, 0, 0, DateTimeKind.Utc);

    private static readonly AlarmConfig Rules = new()
    {
        DebounceK = 3,
        DebounceN = 5,
        Hysteresis = 0.2,
        Hold = TimeSpan.FromSeconds(1),
        Cooldown = TimeSpan.FromSeconds(5),
        UpdateMinRise = 0.1,
    };

    /// <summary>Feeds scores at 10 frames per second from <paramref name="start"/>; returns (frame index, message) for each message.</summary>
    private static List<(int Frame, AlarmEvent Alarm)> Feed(AlarmTracker tracker, double[] scores, DateTime? start = null)
    {
        var messages = new List<(int, AlarmEvent)>();
        for (var i = 0; i < scores.Length; i++)
        {
            var frame = new ScoredFrame("line1", (start ?? T0).AddMilliseconds(100 * i), scores[i], Threshold, new AlarmBox(i, i, 10, 10), $"/snap/{i}.jpg", "v3");
            if (tracker.Observe(frame) is { } alarm)
            {
                messages.Add((i, alarm));
            }
        }
        return messages;
    }

    private static AlarmTracker NewTracker() => new(Rules, SequentialIds());

    private static Func<Guid> SequentialIds()
    {
        var next = 0;
        return () => new Guid(++next, 0, 0, new byte[8]);
    }

    [Fact]
    public void Isolated_spikes_below_k_of_n_never_start_an_alarm()
    {
        // Two over-threshold frames in every window of five, never three.
        var messages = Feed(NewTracker(), [0.9, 0.1, 0.1, 0.9, 0.1, 0.1, 0.9, 0.1, 0.1, 0.9, 0.1, 0.9, 0.1, 0.1, 0.1]);

        Assert.Empty(messages);
    }

    [Fact]
    public void The_third_over_threshold_frame_among_five_starts_the_alarm()
    {
        var messages = Feed(NewTracker(), [0.1, 0.6, 0.2, 0.7, 0.3, 0.65]);

        var (frame, alarm) = Assert.Single(messages);
        Assert.Equal(5, frame);
        Assert.Equal(AlarmEventKind.Start, alarm.Kind);
        Assert.Equal(0.65, alarm.Score);
        Assert.Equal(Threshold, alarm.Threshold);
        Assert.Equal(T0.AddMilliseconds(500), alarm.TimeUtc);
        Assert.Equal(alarm.TimeUtc, alarm.StartedUtc);
        Assert.Equal(new AlarmBox(5, 5, 10, 10), alarm.Box);
        Assert.Equal("/snap/5.jpg", alarm.Snapshot);
        Assert.Equal("v3", alarm.ModelVersion);
        Assert.Equal("line1", alarm.Camera);
    }

    [Fact]
    public void Updates_follow_a_growing_peak_by_more_than_the_minimum_rise_and_keep_the_id()
    {
        // Start at 0.6 (frame 2); 0.65 is under +10 %; 0.7 is over it; 0.72 is not over 0.77; 0.9 is.
        var messages = Feed(NewTracker(), [0.6, 0.6, 0.6, 0.65, 0.7, 0.72, 0.6, 0.9, 0.8]);

        Assert.Equal([(2, AlarmEventKind.Start), (4, AlarmEventKind.Update), (7, AlarmEventKind.Update)], messages.Select(m => (m.Frame, m.Alarm.Kind)));
        Assert.Single(messages.Select(m => m.Alarm.Id).Distinct());
        Assert.Equal([0.6, 0.7, 0.9], messages.Select(m => m.Alarm.PeakScore));
        Assert.Equal(new AlarmBox(7, 7, 10, 10), messages[2].Alarm.Box);
    }

    [Fact]
    public void The_alarm_ends_only_after_the_hold_time_under_threshold_minus_hysteresis()
    {
        // End level 0.5 * (1 - 0.2) = 0.4. Frames 3..: 0.45 (under threshold, above end level: no end),
        // then 0.3 for 0.9 s, a 0.42 that resets the hold, then 0.3 for a full second.
        double[] scores = [0.9, 0.9, 0.9, 0.45, 0.45, .. Enumerable.Repeat(0.3, 10), 0.42, .. Enumerable.Repeat(0.3, 11)];

        var messages = Feed(NewTracker(), scores);

        Assert.Equal([(2, AlarmEventKind.Start), (26, AlarmEventKind.End)], messages.Select(m => (m.Frame, m.Alarm.Kind)));
        var end = messages[1].Alarm;
        Assert.Equal(messages[0].Alarm.Id, end.Id);
        Assert.Equal(0.3, end.Score);
        Assert.Equal(0.9, end.PeakScore);
        Assert.Equal(T0.AddMilliseconds(2600), end.TimeUtc);
        Assert.Equal(T0.AddMilliseconds(200), end.StartedUtc);
    }

    [Fact]
    public void No_new_alarm_starts_during_the_cooldown_and_one_can_start_after_it()
    {
        var tracker = NewTracker();
        double[] first = [0.9, 0.9, 0.9, .. Enumerable.Repeat(0.1, 11)];
        var ended = Feed(tracker, first);
        Assert.Equal([AlarmEventKind.Start, AlarmEventKind.End], ended.Select(m => m.Alarm.Kind));
        var endTime = ended[1].Alarm.TimeUtc;

        // High scores 1 s to 4.9 s after the end: inside the 5 s cooldown.
        var during = Feed(tracker, [.. Enumerable.Repeat(0.9, 40)], endTime.AddSeconds(1));
        Assert.Empty(during);

        // After the cooldown the debounce starts from scratch: frames in the cooldown did not count.
        var after = Feed(tracker, [0.9, 0.9, 0.9], endTime.AddSeconds(5));
        var (frame, alarm) = Assert.Single(after);
        Assert.Equal(2, frame);
        Assert.Equal(AlarmEventKind.Start, alarm.Kind);
        Assert.NotEqual(ended[0].Alarm.Id, alarm.Id);
    }

    [Fact]
    public void With_zero_hold_and_one_of_one_every_frame_decides()
    {
        var tracker = new AlarmTracker(Rules with { DebounceK = 1, DebounceN = 1, Hold = TimeSpan.Zero, Cooldown = TimeSpan.Zero }, SequentialIds());

        var messages = Feed(tracker, [0.9, 0.1, 0.9, 0.1]);

        Assert.Equal(
            [AlarmEventKind.Start, AlarmEventKind.End, AlarmEventKind.Start, AlarmEventKind.End],
            messages.Select(m => m.Alarm.Kind));
        Assert.Equal(2, messages.Select(m => m.Alarm.Id).Distinct().Count());
    }
}
