namespace Edge.Agent.Alarms;

/// <summary>The messages of an alarm's lifecycle, all with the alarm's id.</summary>
public enum AlarmEventKind
{
    /// <summary>k of the last n frames were over threshold.</summary>
    Start,

    /// <summary>The peak score grew.</summary>
    Update,

    /// <summary>The score stayed under threshold × (1 − hysteresis) for the hold time.</summary>
    End,
}
