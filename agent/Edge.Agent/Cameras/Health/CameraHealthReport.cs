namespace Edge.Agent.Cameras.Health;

/// <summary>The outcome of one health check.</summary>
/// <param name="Faults">Faults found (none while healthy).</param>
/// <param name="Statistics">The measures of the checked frame.</param>
/// <param name="Baseline">The reference they were judged against; null while it is still being learned.</param>
/// <param name="FrameSequence">Sequence number of the checked frame.</param>
/// <param name="FrameTimestampUtc">Capture time of the checked frame.</param>
public readonly record struct CameraHealthReport(
    CameraFaults Faults,
    FrameStatistics Statistics,
    HealthBaseline? Baseline,
    long FrameSequence,
    DateTime FrameTimestampUtc)
{
    /// <summary>An operator's sentence: what is wrong and the measures behind it.</summary>
    public string Description => CameraHealthCheck.Describe(Faults, Statistics, Baseline);
}
