using System.Threading.Channels;
using Edge.Agent.Cameras.Supervision;
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
        var supervisors = _cameras
            .Select(c => new CameraSupervisor(c.Name, c.Source, c.Supervision, _loggers.CreateLogger($"Edge.Agent.Cameras.{c.Name}")))
            .ToList();
        try
        {
            var streaming = 0;
            foreach (var camera in supervisors)
            {
                camera.StatusChanged += (_, status) =>
                {
                    _metrics.CameraState(camera.Name, status.ToString(), camera.Faults == 0 ? "" : camera.Faults.ToString());
                    progress.ReportState(Summary(supervisors));
                };
                camera.Start();
            }
            progress.ReportState(Summary(supervisors));
            await Task.WhenAll(supervisors.Select(camera => ConsumeAsync(camera, progress, () =>
            {
                if (Interlocked.Increment(ref streaming) == supervisors.Count)
                {
                    progress.ReportReady();
                }
            }, stoppingToken))).ConfigureAwait(false);
        }
        finally
        {
            foreach (var camera in supervisors)
            {
                camera.Dispose();
            }
        }
    }

    private async Task ConsumeAsync(CameraSupervisor camera, PipelineProgress progress, Action firstFrame, CancellationToken stoppingToken)
    {
        var first = true;
        try
        {
            while (true)
            {
                await camera.Frames.ReadAsync(stoppingToken).ConfigureAwait(false);
                if (first)
                {
                    first = false;
                    firstFrame();
                }
                _metrics.FrameProcessed(camera.Name);
                _metrics.FramesDropped(camera.Name, camera.Frames.Dropped);
                progress.Heartbeat();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
        catch (ChannelClosedException)
        {
            // The camera was given up (Failed) or stopped; its state says why.
        }
    }

    private static string Summary(List<CameraSupervisor> cameras)
    {
        var streaming = cameras.Count(c => c.Status.State == CameraState.Streaming);
        return streaming == cameras.Count
            ? $"capturing {cameras.Count} camera(s), no model"
            : $"{streaming}/{cameras.Count} camera(s) streaming, no model";
    }
}
