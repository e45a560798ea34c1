using Edge.Agent.Alarms;

namespace Edge.Agent.Pipeline;

/// <summary>What the scorer made of one frame: its score within the ROI and where the over-threshold region is.</summary>
/// <param name="Box">The region over the pixel threshold (or around the highest pixel when none is), in frame pixels.</param>
public readonly record struct FrameVerdict(double Score, AlarmBox Box);
