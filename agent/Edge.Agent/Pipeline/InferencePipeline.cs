using Edge.Agent.Alarms;
using Edge.Agent.Cameras.Frames;
using Edge.Agent.Configuration;
using Edge.Agent.Health;
using Edge.Agent.Http;
using Edge.Agent.Snapshots;
using Microsoft.Extensions.Logging;

namespace Edge.Agent.Pipeline;

/// <summary>
/// Cameras to alarms: every camera supervised and read through its bounded drop-oldest ring, each scored on its own
/// worker by a <see cref="CameraScorer"/> against the live model. Ready once every camera has had a frame scored.
/// The model can be swapped, shadowed or watched while it runs (<see cref="IModelHost"/>): each camera's lane takes
/// its lock per frame, so a swap lands between two frames. Stopping drains the frame in hand; the alarms it caused
/// are already in the durable outbox, and the alarms still open are ended there with the reason "agent stopped".
/// </summary>
public sealed partial class InferencePipeline : IFramePipeline, IModelHost
{
    private readonly AgentConfig _config;
    private readonly AlarmPublisher _alarms;
    private readonly HealthMetrics _metrics;
    private readonly ILoggerFactory _loggers;
    private readonly ILogger _logger;
    private readonly LiveView? _live;
    private readonly Lock _gate = new();
    private ActiveModel _model;
    private SnapshotStore? _snapshots;
    private CameraLane[]? _lanes;
    private Func<string, string, bool>? _onFault;

    public InferencePipeline(AgentConfig config, ActiveModel model, AlarmPublisher alarms, HealthMetrics metrics, ILoggerFactory loggers, LiveView? live = null)
    {
        _live = live;
        _config = config;
        _model = model;
        _alarms = alarms;
        _metrics = metrics;
        _loggers = loggers;
        _logger = loggers.CreateLogger<InferencePipeline>();
        Announce(model);
    }

    public ActiveModel Current
    {
        get
        {
            lock (_gate)
            {
                return _model;
            }
        }
    }

    public async Task RunAsync(PipelineProgress progress, CancellationToken stoppingToken)
    {
        ArgumentNullException.ThrowIfNull(progress);
        CameraLane[] lanes;
        lock (_gate)
        {
            _snapshots = _config.Snapshots.Enabled
                ? new SnapshotStore(_config.SnapshotDirectory, (long)(_config.Snapshots.QuotaMegabytes * 1024 * 1024), _config.Snapshots.JpegQuality,
                    (float)(_model.PixelThreshold ?? _model.ImageThreshold ?? 1.0))
                : null;
            // Scorers first: an uncalibrated bundle without a configured threshold refuses to start before any camera opens.
            lanes = ScorersFor(_model).Select(s => new CameraLane(s)).ToArray();
            _lanes = lanes;
        }
        var cameras = new SupervisedCameras(_config.Cameras, _metrics, _loggers);
        try
        {
            string Summary() => cameras.Streaming == cameras.Count
                ? $"scoring {cameras.Count} camera(s) with model {Current.Version}"
                : $"{cameras.Streaming}/{cameras.Count} camera(s) streaming, model {Current.Version}";
            var classes = _model.Model.Manifest.ClassNames;
            foreach (var camera in _config.Cameras.Where(c => c.ProductClass is null && classes.Count > 1))
            {
                LogDefaultClass(_logger, camera.Name, classes.Count, string.Join(", ", classes), classes[0]);
            }
            LogScoring(_logger, _model.Version, _model.Model.Provider.ToString(), string.Join(", ", lanes.Select(l => $"{l.Scorer.Camera} > {l.Scorer.Threshold:G4}")));
            // Each camera on its own pool thread: scoring is CPU work and must not queue behind another camera's.
            await cameras.RunAsync(progress, Summary, (i, frame) => ScoreOn(lanes[i], frame), ownThreads: true, stoppingToken).ConfigureAwait(false);
        }
        finally
        {
            cameras.Dispose();
            lock (_gate)
            {
                _lanes = null;
                foreach (var lane in lanes)
                {
                    lane.Dispose();
                }
            }
            // No camera scores any more: an alarm still open gets its end now, before the outbox is flushed and the link closes.
            foreach (var end in _alarms.EndOpen(AlarmEndReasons.AgentStopped))
            {
                _live?.Alarm(end);
            }
        }
    }

    public ActiveModel Swap(ActiveModel next)
    {
        ArgumentNullException.ThrowIfNull(next);
        lock (_gate)
        {
            // Built before anything changes: a camera that cannot use the new model leaves the old one in place.
            var scorers = _lanes is null ? null : ScorersFor(next);
            var old = _model;
            _model = next;
            if (_lanes is { } lanes)
            {
                for (var i = 0; i < lanes.Length; i++)
                {
                    lanes[i].Replace(scorers![i]);
                }
            }
            Announce(next);
            LogSwapped(_logger, old.Version, next.Version);
            return old;
        }
    }

    public async Task<ShadowRecording> ShadowAsync(ActiveModel candidate, TimeSpan window, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        var recording = new ShadowRecording();
        lock (_gate)
        {
            if (_lanes is not { } lanes)
            {
                recording.Failed("the pipeline is not running, so there are no live frames to shadow");
                return recording;
            }
            var scorers = ScorersFor(candidate, shadow: true);
            for (var i = 0; i < lanes.Length; i++)
            {
                lanes[i].StartShadow(scorers[i], recording);
            }
        }
        try
        {
            await Task.Delay(window, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            lock (_gate)
            {
                foreach (var lane in _lanes ?? [])
                {
                    lane.StopShadow();
                }
            }
        }
        return recording;
    }

    public IDisposable WatchFaults(Func<string, string, bool> onFault)
    {
        Volatile.Write(ref _onFault, onFault);
        return new FaultWatch(this, onFault);
    }

    private void ScoreOn(CameraLane lane, CameraFrame frame)
    {
        try
        {
            lane.Score(frame);
        }
        catch (Exception e) when (e is not OperationCanceledException && Volatile.Read(ref _onFault) is { } onFault
            && onFault(lane.Scorer.ModelVersion, $"camera {lane.Scorer.Camera}: {e.Message}"))
        {
            // Handed to the watcher (a model on probation); the frame is skipped.
        }
    }

    private List<CameraScorer> ScorersFor(ActiveModel model, bool shadow = false)
    {
        var scorers = new List<CameraScorer>();
        try
        {
            foreach (var camera in _config.Cameras)
            {
                scorers.Add(shadow
                    ? new CameraScorer(camera, model, _config.Alarms, _alarms, _metrics, snapshots: null, live: null)
                    : new CameraScorer(camera, model, _config.Alarms, _alarms, _metrics, _snapshots, _live));
            }
            return scorers;
        }
        catch
        {
            scorers.ForEach(s => s.Dispose());
            throw;
        }
    }

    private void Announce(ActiveModel model)
    {
        _metrics.ModelVersion = model.Version;
        _metrics.ExecutionProvider = model.Model.Provider.ToString();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Scoring with model {Version} on {Provider}; alarm thresholds: {Thresholds}")]
    private static partial void LogScoring(ILogger logger, string version, string provider, string thresholds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Camera {Camera}: the bundle has {Count} product classes ({Classes}) and cameras[].class is not set; scoring as {Class}")]
    private static partial void LogDefaultClass(ILogger logger, string camera, int count, string classes, string @class);

    [LoggerMessage(Level = LogLevel.Information, Message = "Model {Old} replaced by {New} between frames")]
    private static partial void LogSwapped(ILogger logger, string old, string @new);

    private sealed class FaultWatch(InferencePipeline pipeline, Func<string, string, bool> onFault) : IDisposable
    {
        public void Dispose() => Interlocked.CompareExchange(ref pipeline._onFault, null, onFault);
    }
}
