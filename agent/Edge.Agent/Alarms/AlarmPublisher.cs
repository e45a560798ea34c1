using System.Collections.Concurrent;
using System.Text.Json;
using Edge.Agent.Configuration;
using Edge.Agent.Mqtt;
using Edge.Agent.Outbox;
using Microsoft.Extensions.Logging;

namespace Edge.Agent.Alarms;

/// <summary>
/// Where the pipeline hands its scored frames: runs each camera's <see cref="AlarmTracker"/> and writes
/// every message it causes to the durable outbox (on disk before this returns); the outbox dispatcher
/// publishes it on <c>edge/&lt;site&gt;/&lt;device&gt;/alarms/&lt;camera&gt;</c>. The outbox also keeps which alarms are
/// open, so that none is left without its end: a stop ends them (<see cref="EndOpen"/>), and a start ends those a
/// crash left open (<see cref="EndLeftOpen"/>). Calls for different cameras may run concurrently; the frames of one
/// camera must come from one thread, in time order.
/// </summary>
public sealed partial class AlarmPublisher
{
    private readonly SqliteOutbox _outbox;
    private readonly MqttTopics _topics;
    private readonly AlarmConfig _rules;
    private readonly Func<Guid>? _newId;
    private readonly ConcurrentDictionary<string, AlarmTracker> _trackers = new(StringComparer.Ordinal);

    public AlarmPublisher(SqliteOutbox outbox, MqttTopics topics, AlarmConfig rules, Func<Guid>? newId = null)
    {
        _outbox = outbox;
        _topics = topics;
        _rules = rules;
        _newId = newId;
    }

    /// <summary>Takes one scored frame; returns the alarm message it caused (already in the outbox), if any.</summary>
    public AlarmEvent? Publish(ScoredFrame frame)
    {
        // TryGetValue first: GetOrAdd's factory would be a new delegate on every frame.
        if (!_trackers.TryGetValue(frame.Camera, out var tracker))
        {
            tracker = _trackers.GetOrAdd(frame.Camera, new AlarmTracker(_rules, _newId));
        }
        var alarm = tracker.Observe(frame);
        if (alarm is not null)
        {
            Store(alarm);
        }
        return alarm;
    }

    /// <summary>
    /// Ends every open alarm with <paramref name="reason"/> (<see cref="AlarmEndReasons.AgentStopped"/>) and returns the
    /// ends, already in the outbox. Only once no camera feeds <see cref="Publish"/> any more: the pipeline has stopped.
    /// </summary>
    public IReadOnlyList<AlarmEvent> EndOpen(string reason)
    {
        var ended = new List<AlarmEvent>();
        foreach (var tracker in _trackers.Values)
        {
            if (tracker.EndNow(DateTime.UtcNow, reason) is { } end)
            {
                Store(end);
                ended.Add(end);
            }
        }
        return ended;
    }

    /// <summary>
    /// At start, before any camera runs: ends with <see cref="AlarmEndReasons.AgentRestarted"/> every alarm the outbox
    /// still holds open (the agent died with it open), from its latest message; returns how many.
    /// </summary>
    public static int EndLeftOpen(SqliteOutbox outbox, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(outbox);
        var ended = 0;
        foreach (var alarm in outbox.OpenAlarms())
        {
            byte[] end;
            try
            {
                end = AlarmJson.EndOf(alarm.LastMessage, DateTime.UtcNow, AlarmEndReasons.AgentRestarted);
            }
            catch (JsonException e)
            {
                // Not written by this code: left where it is, and said, rather than stopping every start.
                LogUnreadable(logger, alarm.Id, e.Message);
                continue;
            }
            outbox.Enqueue(alarm.Topic, end, alarm.Id, alarmEnds: true);
            ended++;
        }
        if (ended > 0)
        {
            LogEndedLeftOpen(logger, ended, AlarmEndReasons.AgentRestarted);
        }
        return ended;
    }

    private void Store(AlarmEvent alarm) => _outbox.Enqueue(
        _topics.Alarms(alarm.Camera), AlarmJson.Serialize(alarm, _topics.Site, _topics.Device), alarm.Id.ToString("D"), alarm.Kind == AlarmEventKind.End);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ended {Count} alarm(s) the last run left open, with the reason '{Reason}'")]
    private static partial void LogEndedLeftOpen(ILogger logger, int count, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The outbox holds open alarm {Id}, whose message cannot be read ({Reason}); it is not ended")]
    private static partial void LogUnreadable(ILogger logger, string id, string reason);
}
