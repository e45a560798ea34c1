using Edge.Agent.Cameras.Health;

namespace Edge.Agent.Cameras.Supervision;

/// <summary>The set of camera faults changed (a fault appeared or cleared).</summary>
public sealed class CameraHealthChangedEventArgs(CameraHealthReport report, CameraFaults previous) : EventArgs
{
    public CameraHealthReport Report { get; } = report;

    public CameraFaults Previous { get; } = previous;
}
