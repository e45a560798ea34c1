namespace Edge.Agent.Health;

/// <summary>One camera in a health report.</summary>
/// <param name="State">The supervisor's state, with its reason when not streaming.</param>
/// <param name="Fps">Frames processed per second recently.</param>
/// <param name="FramesProcessed">Frames processed since start.</param>
/// <param name="DroppedFrames">Frames dropped because processing fell behind capture.</param>
/// <param name="Faults">Camera faults (blocked lens, focus lost, exposure changed), empty when none.</param>
public sealed record CameraHealthEntry(string State, double Fps, long FramesProcessed, long DroppedFrames, string Faults);
