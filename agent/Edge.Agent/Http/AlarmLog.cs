using Edge.Agent.Alarms;

namespace Edge.Agent.Http;

/// <summary>
/// One alarm as the page shows it: its latest message, and the picture and box of its highest frame that has a
/// snapshot on disk (start and update messages write one; an end message's peak may be a frame never written).
/// </summary>
/// <param name="Latest">The alarm's latest message: start, update or end.</param>
/// <param name="Snapshot">Path of the snapshot of its highest written frame, or null when snapshots are off.</param>
/// <param name="Box">The over-threshold region of that frame, in frame pixels.</param>
/// <param name="FrameWidth">Width of the camera's frames, for drawing the box over the picture (0 when unknown).</param>
/// <param name="FrameHeight">Height of the camera's frames (0 when unknown).</param>
public sealed record AlarmEntry(AlarmEvent Latest, string? Snapshot, AlarmBox Box, int FrameWidth, int FrameHeight)
{
    public bool Open => Latest.Kind != AlarmEventKind.End;
}

/// <summary>One page of alarms, newest first, with how many there are in all (after the camera filter).</summary>
public sealed record AlarmLogPage(IReadOnlyList<AlarmEntry> Alarms, int Total, int Page, int PageCount);

/// <summary>The recent alarms, one entry per alarm id, newest start first, at most <see cref="Capacity"/>. Not thread-safe: <see cref="LiveView"/> locks around it.</summary>
internal sealed class AlarmLog
{
    public const int Capacity = 500;

    private readonly LinkedList<AlarmEntry> _newestFirst = new();
    private readonly Dictionary<Guid, LinkedListNode<AlarmEntry>> _byId = [];

    public void Add(AlarmEvent alarm, int frameWidth, int frameHeight)
    {
        if (_byId.TryGetValue(alarm.Id, out var node))
        {
            var pictured = alarm.Kind != AlarmEventKind.End || node.Value.Snapshot is null;
            node.Value = pictured
                ? new AlarmEntry(alarm, alarm.Snapshot, alarm.Box, frameWidth, frameHeight)
                : node.Value with { Latest = alarm };
            return;
        }
        _byId[alarm.Id] = _newestFirst.AddFirst(new AlarmEntry(alarm, alarm.Snapshot, alarm.Box, frameWidth, frameHeight));
        if (_newestFirst.Count > Capacity)
        {
            _byId.Remove(_newestFirst.Last!.Value.Latest.Id);
            _newestFirst.RemoveLast();
        }
    }

    public AlarmEntry? Find(Guid id) => _byId.TryGetValue(id, out var node) ? node.Value : null;

    /// <summary>Page <paramref name="page"/> (from 1, clamped to the pages there are) of the alarms of <paramref name="camera"/>, or of all when null.</summary>
    public AlarmLogPage Page(string? camera, int page, int pageSize)
    {
        var matching = _newestFirst.Where(a => camera is null || a.Latest.Camera == camera).ToList();
        var pages = Math.Max(1, (matching.Count + pageSize - 1) / pageSize);
        var shown = Math.Clamp(page, 1, pages);
        return new AlarmLogPage(matching.Skip((shown - 1) * pageSize).Take(pageSize).ToList(), matching.Count, shown, pages);
    }
}
