using Edge.Agent.Cameras.Health;
using Edge.Agent.Tests.Cameras.Support;

namespace Edge.Agent.Tests.Cameras.Health;

public class CameraHealthCheckTests
{
    private static readonly CameraHealthSettings Settings = new() { SampleStep = 1 };

    private static CameraFaults Judge(Edge.Agent.Cameras.Frames.CameraFrame frame, HealthBaseline? baseline) =>
        CameraHealthCheck.Evaluate(FrameStatistics.Measure(frame), baseline, Settings);

    [Fact]
    public void A_black_frame_is_a_blocked_lens()
    {
        Assert.Equal(CameraFaults.LensBlocked, Judge(SyntheticFrames.Filled(32, 24, 0), baseline: null));
    }

    [Fact]
    public void A_bright_but_uniform_frame_is_a_blocked_lens_too()
    {
        Assert.Equal(CameraFaults.LensBlocked, Judge(SyntheticFrames.Filled(32, 24, 180), baseline: null));
    }

    [Fact]
    public void A_textured_frame_without_a_baseline_is_healthy()
    {
        Assert.Equal(CameraFaults.None, Judge(SyntheticFrames.Checkerboard(32, 24, 60, 160), baseline: null));
    }

    [Fact]
    public void A_box_blurred_frame_has_lost_focus_against_the_sharp_baseline()
    {
        var sharp = SyntheticFrames.Checkerboard(32, 32, 0, 255);
        var blurred = SyntheticFrames.BoxBlurred(sharp);
        var sharpStatistics = FrameStatistics.Measure(sharp);
        var blurredStatistics = FrameStatistics.Measure(blurred);
        var baseline = new HealthBaseline(sharpStatistics.MeanLuma, sharpStatistics.LaplacianVariance);

        // Away from the edges a 3×3 mean turns the board into 141 / 113 (5·255/9 and 4·255/9, rounded down):
        // the Laplacian drops from ±1020 to ±4·28 = ±112, so its variance from 1020² to about 112² (1.2%).
        Assert.InRange(blurredStatistics.LaplacianVariance, 112 * 112 * 0.9, 112 * 112 * 1.1);
        Assert.Equal(CameraFaults.FocusLost, CameraHealthCheck.Evaluate(blurredStatistics, baseline, Settings));
        Assert.Equal(CameraFaults.None, CameraHealthCheck.Evaluate(sharpStatistics, baseline, Settings));
    }

    [Fact]
    public void A_brightness_jump_beyond_the_allowed_shift_is_an_exposure_change()
    {
        var normal = SyntheticFrames.Checkerboard(32, 24, 60, 140);
        var statistics = FrameStatistics.Measure(normal);
        var baseline = new HealthBaseline(statistics.MeanLuma, statistics.LaplacianVariance);

        // Mean 100 normally; +30 stays within the allowed 40, +60 does not, either way.
        Assert.Equal(CameraFaults.None, Judge(SyntheticFrames.Brightened(normal, 30), baseline));
        Assert.Equal(CameraFaults.ExposureChanged, Judge(SyntheticFrames.Brightened(normal, 60), baseline));
        Assert.Equal(CameraFaults.ExposureChanged, Judge(SyntheticFrames.Brightened(normal, -60), baseline));
    }

    [Fact]
    public void The_description_names_each_fault_with_its_measures()
    {
        var statistics = new FrameStatistics(160, 900, 50, 100);
        var text = CameraHealthCheck.Describe(CameraFaults.FocusLost | CameraFaults.ExposureChanged, statistics, new HealthBaseline(100, 1000));

        Assert.Equal("focus lost (detail 50 against 1000 normally); exposure changed (brightness 160 against 100 normally)", text);
    }
}
