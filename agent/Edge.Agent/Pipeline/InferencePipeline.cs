using Edge.Agent.Alarms;
using Edge.Agent.Configuration;
using Edge.Agent.Health;
using Edge.Agent.Http;
using Edge.Agent.Snapshots;
using Microsoft.Extensions.Logging;

namespace Edge.Agent.Pipeline;

/// <summary>
/// Cameras to alarms: every camera supervised and read through its bounded drop-oldest ring, each scored on its own
/// worker by a <see cref="CameraScorer"/> against the loaded bundle. Ready once every camera has had a frame scored.
/// Stopping drains the frame in hand; the alarms it caused are already in the durable outbox.
/// </summary>
public sealed partial class InferencePipeline : IFramePipeline
{
    private readonly AgentConfig _config;
    private readonly ActiveModel _model;
    private readonly AlarmPublisher _alarms;
    private readonly HealthMetrics _metrics;
    private readonly ILoggerFactory _loggers;
    private readonly ILogger _logger;
    private readonly LiveView? _live;

    public InferencePipeline(AgentConfig config, ActiveModel model, AlarmPublisher alarms, HealthMetrics metrics, ILoggerFactory loggers, LiveView? live = null)
    {
        _live = live;
        _config = config;
        _model = model;
        _alarms = alarms;
        _metrics = metrics;
        _loggers = loggers;
        _logger = loggers.CreateLogger<InferencePipeline>();
        metrics.ModelVersion = model.Version;
        metrics.ExecutionProvider = model.Model.Provider.ToString();
    }

    public async Task RunAsync(PipelineProgress progress, CancellationToken stoppingToken)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var snapshots = _config.Snapshots.Enabled
            ? new SnapshotStore(_config.SnapshotDirectory, (long)(_config.Snapshots.QuotaMegabytes * 1024 * 1024), _config.Snapshots.JpegQuality,
                (float)(_model.PixelThreshold ?? _model.ImageThreshold ?? 1.0))
            : null;
        // Scorers first: an uncalibrated bundle without a configured threshold refuses to start before any camera opens.
        var scorers = _config.Cameras.Select(c => new CameraScorer(c, _model, _config.Alarms, _alarms, _metrics, snapshots, _live)).ToList();
        var cameras = new SupervisedCameras(_config.Cameras, _metrics, _loggers);
        try
        {
            string Summary() => cameras.Streaming == cameras.Count
                ? $"scoring {cameras.Count} camera(s) with model {_model.Version}"
                : $"{cameras.Streaming}/{cameras.Count} camera(s) streaming, model {_model.Version}";
            LogScoring(_logger, _model.Version, _model.Model.Provider.ToString(), string.Join(", ", scorers.Select(s => $"{s.Camera} > {s.Threshold:G4}")));
            // Each camera on its own pool thread: scoring is CPU work and must not queue behind another camera's.
            await cameras.RunAsync(progress, Summary, (i, frame) => scorers[i].Score(frame), ownThreads: true, stoppingToken).ConfigureAwait(false);
        }
        finally
        {
            cameras.Dispose();
            foreach (var scorer in scorers)
            {
                scorer.Dispose();
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Scoring with model {Version} on {Provider}; alarm thresholds: {Thresholds}")]
    private static partial void LogScoring(ILogger logger, string version, string provider, string thresholds);
}
