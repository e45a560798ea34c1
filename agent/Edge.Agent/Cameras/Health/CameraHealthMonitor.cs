using Edge.Agent.Cameras.Frames;

namespace Edge.Agent.Cameras.Health;

/// <summary>
/// Runs the health checks on one camera's frames: measures one frame in
/// <see cref="CameraHealthSettings.CheckEveryFrames"/>, learns the baseline from the first healthy checks,
/// then follows slow drift. Used from one thread (the camera's capture thread).
/// </summary>
public sealed class CameraHealthMonitor
{
    private readonly CameraHealthSettings _settings;
    private long _framesSeen;
    private int _baselineChecks;
    private double _meanSum;
    private double _laplacianSum;

    public CameraHealthMonitor(CameraHealthSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        _settings = settings;
    }

    /// <summary>The reference in use; null until <see cref="CameraHealthSettings.BaselineChecks"/> healthy checks were seen.</summary>
    public HealthBaseline? Baseline { get; private set; }

    /// <summary>The latest check, if any ran.</summary>
    public CameraHealthReport? Latest { get; private set; }

    /// <summary>Sees one frame; returns a report when this frame was checked, null when it was skipped.</summary>
    public CameraHealthReport? Observe(CameraFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (_framesSeen++ % _settings.CheckEveryFrames != 0)
        {
            return null;
        }
        var statistics = FrameStatistics.Measure(frame, _settings.SampleStep);
        var faults = CameraHealthCheck.Evaluate(statistics, Baseline, _settings);
        var report = new CameraHealthReport(faults, statistics, Baseline, frame.Sequence, frame.TimestampUtc);
        if (faults == CameraFaults.None)
        {
            Learn(statistics);
        }
        Latest = report;
        return report;
    }

    /// <summary>Forgets the baseline (after the camera was re-aimed or refocused on purpose).</summary>
    public void ResetBaseline()
    {
        Baseline = null;
        _baselineChecks = 0;
        _meanSum = 0;
        _laplacianSum = 0;
    }

    private void Learn(in FrameStatistics statistics)
    {
        if (Baseline is { } current)
        {
            var a = _settings.BaselineAdaptation;
            Baseline = new HealthBaseline(
                ((1 - a) * current.MeanLuma) + (a * statistics.MeanLuma),
                ((1 - a) * current.LaplacianVariance) + (a * statistics.LaplacianVariance));
            return;
        }
        _meanSum += statistics.MeanLuma;
        _laplacianSum += statistics.LaplacianVariance;
        if (++_baselineChecks == _settings.BaselineChecks)
        {
            Baseline = new HealthBaseline(_meanSum / _baselineChecks, _laplacianSum / _baselineChecks);
        }
    }
}
