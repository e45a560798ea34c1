namespace Edge.Agent.Alarms;

/// <summary>One alarm message (before the site and device are added).</summary>
/// <param name="Id">The alarm's id, the same for its start, updates and end.</param>
/// <param name="Kind">Start, update or end.</param>
/// <param name="Camera">The camera's name.</param>
/// <param name="TimeUtc">The time of the frame that caused this message.</param>
/// <param name="Score">That frame's score.</param>
/// <param name="Threshold">The threshold the alarm was raised against.</param>
/// <param name="PeakScore">The highest score of the alarm so far.</param>
/// <param name="StartedUtc">The time of the frame that started the alarm.</param>
/// <param name="Box">The over-threshold region of the peak frame.</param>
/// <param name="Snapshot">The picture of the peak frame, if any.</param>
/// <param name="ModelVersion">The model's version.</param>
/// <param name="Reason">Why the agent ended the alarm itself (<see cref="AlarmEndReasons"/>); null for every other message.</param>
public sealed record AlarmEvent(
    Guid Id,
    AlarmEventKind Kind,
    string Camera,
    DateTime TimeUtc,
    double Score,
    double Threshold,
    double PeakScore,
    DateTime StartedUtc,
    AlarmBox Box,
    string? Snapshot,
    string ModelVersion,
    string? Reason = null);
