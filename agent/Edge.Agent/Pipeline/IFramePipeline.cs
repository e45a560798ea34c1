namespace Edge.Agent.Pipeline;

/// <summary>
/// The work between cameras and alarms (capture, inference, scoring), run by the service until stopped.
/// An implementation calls <see cref="PipelineProgress.ReportReady"/> once its cameras and model are up,
/// <see cref="PipelineProgress.Heartbeat"/> for every processed frame, feeds <see cref="Health.HealthMetrics"/>,
/// and hands scored frames to <see cref="Alarms.AlarmPublisher"/>.
/// </summary>
public interface IFramePipeline
{
    /// <summary>Runs until <paramref name="stoppingToken"/> is cancelled, then drains frames in flight and returns.</summary>
    Task RunAsync(PipelineProgress progress, CancellationToken stoppingToken);
}
