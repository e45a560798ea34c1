using Edge.Agent.Configuration;
using Edge.Agent.Health;
using Microsoft.Extensions.Logging;

namespace Edge.Agent.Pipeline;

/// <summary>
/// Cameras without a model (<c>run --no-model</c>): every configured camera supervised and read, frames
/// counted into <see cref="HealthMetrics"/> and beating the watchdog, nothing scored. Ready once every
/// camera has delivered a frame. The inference pipeline replaces it when a model is loaded.
/// </summary>
public sealed class CaptureOnlyPipeline : IFramePipeline
{
    private readonly IReadOnlyList<CameraConfig> _cameras;
    private readonly HealthMetrics _metrics;
    private readonly ILoggerFactory _loggers;

    public CaptureOnlyPipeline(IReadOnlyList<CameraConfig> cameras, HealthMetrics metrics, ILoggerFactory loggers)
    {
        _cameras = cameras;
        _metrics = metrics;
        _loggers = loggers;
    }

    public async Task RunAsync(PipelineProgress progress, CancellationToken stoppingToken)
    {
        ArgumentNullException.ThrowIfNull(progress);
        using var cameras = new SupervisedCameras(_cameras, _metrics, _loggers);
        string Summary() => cameras.Streaming == cameras.Count
            ? $"capturing {cameras.Count} camera(s), no model"
            : $"{cameras.Streaming}/{cameras.Count} camera(s) streaming, no model";
        await cameras.RunAsync(progress, Summary, static (_, _) => { }, ownThreads: false, stoppingToken).ConfigureAwait(false);
    }
}
