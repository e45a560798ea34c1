using System.Diagnostics;
using Edge.Agent.Alarms;
using Edge.Agent.Cameras.Frames;
using Edge.Agent.Configuration;
using Edge.Agent.Health;
using Edge.Agent.Http;
using Edge.Agent.Snapshots;
using Edge.Detection;
using Edge.Imaging;
using Edge.Imaging.Preprocessing;

namespace Edge.Agent.Pipeline;

/// <summary>
/// One camera's scoring, on that camera's worker thread: preprocess the frame straight into the detector's input,
/// detect, limit the score to the ROI, find the alarm box, hand the scored frame to the alarm logic and, for alarm
/// messages, write the snapshot. Owns its detector and buffers; not thread-safe.
/// </summary>
public sealed class CameraScorer : IDisposable
{
    private readonly CameraConfig _camera;
    private readonly ActiveModel _model;
    private readonly Detector _detector;
    private readonly FramePreprocessor _preprocessor;
    private readonly AlarmPublisher _alarms;
    private readonly HealthMetrics _metrics;
    private readonly SnapshotStore? _snapshots;
    private readonly LiveView? _live;
    private readonly double _threshold;
    private readonly double _pixelThreshold;
    private readonly int _classId;
    private RoiMask? _roi;
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
        _threshold = camera.ThresholdFor(rules, model.ImageThreshold ?? double.NaN);
        if (double.IsNaN(_threshold))
        {
            throw new Commands.StartupException(
                $"camera {camera.Name}: the bundle {model.Version} is not calibrated and no threshold is configured; run 'edge-train calibrate' on the bundle or set alarms.threshold or cameras[].threshold");
        }
        try
        {
            _classId = camera.ClassIndexIn(model.Model.Manifest.ClassNames);
        }
        catch (ArgumentException e)
        {
            throw new Commands.StartupException(e.Message, e);
        }
        // The box shows where the map is over the pixel threshold; an uncalibrated bundle has only the image threshold.
        _pixelThreshold = model.PixelThreshold ?? _threshold;
        _detector = model.Model.CreateDetector();
        _preprocessor = new FramePreprocessor(model.Model.Preprocessing);
    }

    public string Camera => _camera.Name;

    /// <summary>The version of the model this scorer runs.</summary>
    public string ModelVersion => _model.Version;

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
        var size = _model.Model.InputSize;
        var snapshot = _snapshots?.PathFor(_camera.Name, frame.TimestampUtc, frame.Sequence);
        var alarm = _alarms.Publish(new ScoredFrame(_camera.Name, frame.TimestampUtc, score, _threshold, _box, snapshot, _model.Version));
        if (alarm is not null && snapshot is not null && alarm.Kind != AlarmEventKind.End)
        {
            _snapshots!.Write(snapshot, view, _detector.Map, size);
        }
        _live?.Offer(_camera.Name, view, _detector.Map, size, score, _threshold);
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
        var view = frame.AsView();
        var size = _model.Model.InputSize;
        if (_roi is null || _roi.FrameWidth != frame.Width || _roi.FrameHeight != frame.Height)
        {
            _roi = new RoiMask(_camera.Roi, frame.Width, frame.Height, RegionOf(frame.Width, frame.Height), size);
        }
        _preprocessor.Run(view, _roi.Region, _detector.Input);
        var imageScore = _detector.Detect(_classId);
        var verdict = MapRegions.Evaluate(_detector.Map, size, _roi, _pixelThreshold);
        // Without an ROI the bundle's own image score (max or quantile) stands; with one, the highest pixel inside it.
        var score = _roi.IsEverything ? imageScore : verdict.Score;
        if (!double.IsFinite(score))
        {
            // A model that scores NaN would never alarm: a blind line must fail loudly, not look quiet.
            throw new ModelFaultException($"model {_model.Version} gave camera {_camera.Name} a score that is not a number ({score})");
        }
        _box = verdict.Box;
        LastScore = score;
        return score;
    }

    public void Dispose() => _detector.Dispose();

    /// <summary>The camera's crop, or the whole frame; a crop reaching past the frame is refused, naming both sizes.</summary>
    private PixelRect RegionOf(int width, int height)
    {
        if (_camera.Crop is not { } crop)
        {
            return new PixelRect(0, 0, width, height);
        }
        if (crop.Right > width || crop.Bottom > height)
        {
            throw new InvalidOperationException($"camera {_camera.Name}: crop {crop} reaches past the {width}x{height} frame");
        }
        return crop;
    }
}
