using System.Threading.Channels;
using Edge.Agent.Cameras.Frames;
using Edge.Agent.Cameras.Supervision;
using Edge.Agent.Configuration;
using Edge.Agent.Health;
using Microsoft.Extensions.Logging;

namespace Edge.Agent.Pipeline;

/// <summary>
/// The configured cameras, each supervised, their state changes fed to health and to the pipeline's state line,
/// and their frames handed to a pipeline's per-frame work: what every pipeline with cameras shares.
/// </summary>
internal sealed class SupervisedCameras : IDisposable
{
    private readonly List<CameraSupervisor> _supervisors;
    private readonly HealthMetrics _metrics;

    public SupervisedCameras(IReadOnlyList<CameraConfig> cameras, HealthMetrics metrics, ILoggerFactory loggers)
    {
        _metrics = metrics;
        _supervisors = cameras
            .Select(c => new CameraSupervisor(c.Name, c.Source, c.Supervision, loggers.CreateLogger($"Edge.Agent.Cameras.{c.Name}")))
            .ToList();
    }

    public int Count => _supervisors.Count;

    public int Streaming => _supervisors.Count(c => c.Status.State == CameraState.Streaming);

    /// <summary>
    /// Starts every camera and reads each one's frames until <paramref name="stoppingToken"/> is cancelled, calling
    /// <paramref name="onFrame"/> (camera index, frame) for each; ready once every camera had a frame processed.
    /// With <paramref name="ownThreads"/> each camera's work runs on the thread pool rather than the caller's context.
    /// </summary>
    public async Task RunAsync(PipelineProgress progress, Func<string> summary, Action<int, CameraFrame> onFrame, bool ownThreads, CancellationToken stoppingToken)
    {
        var ready = 0;
        foreach (var camera in _supervisors)
        {
            camera.StatusChanged += (_, status) =>
            {
                _metrics.CameraState(camera.Name, status.ToString(), camera.Faults == 0 ? "" : camera.Faults.ToString());
                progress.ReportState(summary());
            };
            camera.Start();
        }
        progress.ReportState(summary());
        void FirstFrame()
        {
            if (Interlocked.Increment(ref ready) == _supervisors.Count)
            {
                progress.ReportReady();
            }
        }
        await Task.WhenAll(_supervisors.Select((camera, i) => ownThreads
            ? Task.Run(() => ConsumeAsync(camera, i, onFrame, progress, FirstFrame, stoppingToken), CancellationToken.None)
            : ConsumeAsync(camera, i, onFrame, progress, FirstFrame, stoppingToken))).ConfigureAwait(false);
    }

    public void Dispose()
    {
        foreach (var camera in _supervisors)
        {
            camera.Dispose();
        }
    }

    private async Task ConsumeAsync(
        CameraSupervisor camera, int index, Action<int, CameraFrame> onFrame, PipelineProgress progress, Action firstFrame, CancellationToken stoppingToken)
    {
        var first = true;
        try
        {
            while (true)
            {
                var frame = await camera.Frames.ReadAsync(stoppingToken).ConfigureAwait(false);
                onFrame(index, frame);
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
}
