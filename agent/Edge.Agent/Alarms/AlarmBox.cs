namespace Edge.Agent.Alarms;

/// <summary>The over-threshold region of a frame, in frame pixels.</summary>
public readonly record struct AlarmBox(int X, int Y, int Width, int Height);
