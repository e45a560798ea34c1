using System.Diagnostics;
using Edge.Agent.Alarms;
using Edge.Agent.Cameras.Frames;
using Edge.Agent.Configuration;
using Edge.Agent.Health;
using Edge.Agent.Http;
using Edge.Agent.Snapshots;
using Edge.Detection.Frames;

namespace Edge.Agent.Pipeline;

/// <summary>
/// One camera's scoring, on that camera's worker thread: the frame through the one image-to-score path
/// (<see cref="FrameScorer"/>: crop, model, ROI, smoothing, the manifest's image score, the camera class's threshold
/// and the box), then the scored frame to the alarm logic and, for alarm messages, the snapshot. Owns its frame scorer;
/// not thread-safe.
/// </summary>
public sealed class CameraScorer : IDisposable
{
    private readonly CameraConfig _camera;
    private readonly ActiveModel _model;
    private readonly FrameScorer _scorer;
    private readonly AlarmPublisher _alarms;
    private readonly HealthMetrics _metrics;
    private readonly SnapshotStore? _snapshots;
    private readonly LiveView? _live;
    private readonly double _threshold;
    private AlarmBox _box;

    public CameraScorer(
        CameraConfig camera, ActiveModel model, AlarmConfig rules, AlarmPublisher alarms, HealthMetrics metrics, SnapshotStore? snapshots, LiveView? live = null)
    {
        _live = live;
        _camera = camera;
        _model = model;
        _alarms = alarms;
        _metrics = metrics;
        _snapshots = snapshots;
        try
        {
            _scorer = new FrameScorer(model.Model, camera.ScorerSettings(rules));
        }
        catch (ArgumentException e)
        {
            throw new Commands.StartupException(e.Message, e);
        }
        if (_scorer.Thresholds.Image is not { } threshold)
        {
            _scorer.Dispose();
            throw new Commands.StartupException(
                $"camera {camera.Name}: the bundle {model.Version} is not calibrated and no threshold is configured; run 'edge-train calibrate' on the bundle or set alarms.threshold or cameras[].threshold");
        }
        _threshold = threshold;
    }

    public string Camera => _camera.Name;

    /// <summary>The version of the model this scorer runs.</summary>
    public string ModelVersion => _model.Version;

    /// <summary>The image threshold in force: configured, else the bundle's for the camera's class, else its pooled one.</summary>
    public double Threshold => _threshold;

    /// <summary>The latest frame's score within the ROI.</summary>
    public double LastScore { get; private set; }

    /// <summary>Scores one frame; returns the alarm message it caused, if any (already in the outbox).</summary>
    /// <exception cref="ModelFaultException">The model gave a score that is not a number.</exception>
    public AlarmEvent? Score(CameraFrame frame)
    {
        var started = Stopwatch.GetTimestamp();
        var score = Measure(frame);
        _metrics.InferenceTime(Stopwatch.GetElapsedTime(started));
        var view = frame.AsView();
        var snapshot = _snapshots?.PathFor(_camera.Name, frame.TimestampUtc, frame.Sequence);
        var alarm = _alarms.Publish(new ScoredFrame(_camera.Name, frame.TimestampUtc, score, _threshold, _box, snapshot, _model.Version));
        if (alarm is not null && snapshot is not null && alarm.Kind != AlarmEventKind.End)
        {
            _snapshots!.Write(snapshot, view, _scorer.Map, _scorer.MapWidth, _scorer.MapHeight);
        }
        _live?.Offer(_camera.Name, view, _scorer.Map, _scorer.MapWidth, _scorer.MapHeight, score, _threshold);
        if (alarm is not null)
        {
            _live?.Alarm(alarm);
        }
        return alarm;
    }

    /// <summary>
    /// The frame's score within the ROI, and its over-threshold box, without alarming: what <see cref="Score"/> alarms
    /// on, and all a shadow run asks of a candidate model.
    /// </summary>
    /// <exception cref="ModelFaultException">The model gave a score that is not a number.</exception>
    public double Measure(CameraFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var result = _scorer.Score(frame.AsView());
        if (!float.IsFinite(result.Score))
        {
            // A model that scores NaN would never alarm: a blind line must fail loudly, not look quiet.
            throw new ModelFaultException($"model {_model.Version} gave camera {_camera.Name} a score that is not a number ({result.Score})");
        }
        _box = new AlarmBox(result.Box.X, result.Box.Y, result.Box.Width, result.Box.Height);
        LastScore = result.Score;
        return result.Score;
    }

    public void Dispose() => _scorer.Dispose();
}
