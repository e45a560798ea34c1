namespace Edge.Agent.Alarms;

/// <summary>What the pipeline made of one frame: the input of the alarm logic (a struct: one per frame, never on the heap).</summary>
/// <param name="Camera">The camera's name.</param>
/// <param name="TimeUtc">When the frame was captured (UTC).</param>
/// <param name="Score">The frame's anomaly score (already limited to the camera's regions of interest).</param>
/// <param name="Threshold">The threshold in force for this camera.</param>
/// <param name="Box">Where the score is highest (the over-threshold region), in frame pixels.</param>
/// <param name="Snapshot">Where a picture of the frame with its heatmap is (or will be) stored; null when none.</param>
/// <param name="ModelVersion">The bundle's version that scored the frame.</param>
public readonly record struct ScoredFrame(
    string Camera,
    DateTime TimeUtc,
    double Score,
    double Threshold,
    AlarmBox Box,
    string? Snapshot,
    string ModelVersion);
