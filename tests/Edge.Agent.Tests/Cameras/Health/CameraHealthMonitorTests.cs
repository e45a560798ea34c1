using Edge.Agent.Cameras.Health;
using Edge.Agent.Tests.Cameras.Support;

namespace Edge.Agent.Tests.Cameras.Health;

public class CameraHealthMonitorTests
{
    [Fact]
    public void Checks_run_once_every_n_frames()
    {
        var monitor = new CameraHealthMonitor(new CameraHealthSettings { CheckEveryFrames = 4 });
        var frame = SyntheticFrames.Checkerboard(16, 16, 50, 150);

        var checkedFrames = Enumerable.Range(0, 12).Where(_ => monitor.Observe(frame) is not null).ToList();

        Assert.Equal([0, 4, 8], checkedFrames);
    }

    [Fact]
    public void The_baseline_is_the_mean_of_the_first_healthy_checks_and_then_judges_later_frames()
    {
        var settings = new CameraHealthSettings { CheckEveryFrames = 1, SampleStep = 1, BaselineChecks = 2, BaselineAdaptation = 0 };
        var monitor = new CameraHealthMonitor(settings);
        var darker = SyntheticFrames.Checkerboard(16, 16, 40, 120);   // mean 80
        var lighter = SyntheticFrames.Checkerboard(16, 16, 80, 160);  // mean 120

        Assert.Equal(CameraFaults.LensBlocked, monitor.Observe(SyntheticFrames.Filled(16, 16, 0))!.Value.Faults);
        Assert.Null(monitor.Baseline);
        monitor.Observe(darker);
        monitor.Observe(lighter);

        // Mean (80 + 120) / 2; detail: both boards step by 80, Laplacian ±320.
        Assert.Equal(new HealthBaseline(100, 320.0 * 320.0), monitor.Baseline);
        var report = monitor.Observe(SyntheticFrames.Checkerboard(16, 16, 120, 200))!.Value;
        Assert.Equal(CameraFaults.ExposureChanged, report.Faults);
        Assert.Equal(monitor.Baseline, report.Baseline);
    }

    [Fact]
    public void A_learned_baseline_follows_healthy_frames_slowly()
    {
        var settings = new CameraHealthSettings { CheckEveryFrames = 1, SampleStep = 1, BaselineChecks = 1, BaselineAdaptation = 0.5 };
        var monitor = new CameraHealthMonitor(settings);

        monitor.Observe(SyntheticFrames.Checkerboard(16, 16, 40, 120));   // mean 80
        monitor.Observe(SyntheticFrames.Checkerboard(16, 16, 60, 140));   // mean 100, within the allowed shift

        Assert.Equal(90, monitor.Baseline!.Value.MeanLuma);
    }

    [Fact]
    public void Bad_settings_are_refused_with_the_setting_named()
    {
        var error = Assert.Throws<ArgumentException>(() => new CameraHealthMonitor(new CameraHealthSettings { FocusMinRatio = 1.5 }));

        Assert.Contains("FocusMinRatio", error.Message, StringComparison.Ordinal);
    }
}
