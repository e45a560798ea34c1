using System.Collections.Concurrent;
using Edge.Agent.Configuration;
using Edge.Agent.Mqtt;
using Edge.Agent.Outbox;

namespace Edge.Agent.Alarms;

/// <summary>
/// Where the pipeline hands its scored frames: runs each camera's <see cref="AlarmTracker"/> and writes
/// every message it causes to the durable outbox (on disk before this returns); the outbox dispatcher
/// publishes it on <c>edge/&lt;site&gt;/&lt;device&gt;/alarms/&lt;camera&gt;</c>. Calls for different cameras
/// may run concurrently; the frames of one camera must come from one thread, in time order.
/// </summary>
public sealed class AlarmPublisher
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
            _outbox.Enqueue(_topics.Alarms(alarm.Camera), AlarmJson.Serialize(alarm, _topics.Site, _topics.Device));
        }
        return alarm;
    }
}
