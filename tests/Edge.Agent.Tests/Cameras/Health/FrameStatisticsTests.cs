using Edge.Agent.Cameras.Frames;
using Edge.Agent.Cameras.Health;
using Edge.Agent.Tests.Cameras.Support;

namespace Edge.Agent.Tests.Cameras.Health;

public class FrameStatisticsTests
{
    [Fact]
    public void A_uniform_frame_has_its_level_as_mean_and_no_variance()
    {
        var statistics = FrameStatistics.Measure(SyntheticFrames.Filled(16, 8, 90));

        Assert.Equal(new FrameStatistics(90, 0, 0, 128), statistics);
    }

    [Fact]
    public void A_black_and_white_checkerboard_has_hand_computed_measures()
    {
        // Half the pixels 0, half 255: mean 127.5, variance 127.5². Every interior pixel differs from its
        // four neighbours by 255, so its Laplacian is ±4·255 = ±1020 and their variance is 1020².
        var statistics = FrameStatistics.Measure(SyntheticFrames.Checkerboard(16, 16, 0, 255));

        Assert.Equal(127.5, statistics.MeanLuma);
        Assert.Equal(127.5 * 127.5, statistics.LumaVariance);
        Assert.Equal(1020.0 * 1020.0, statistics.LaplacianVariance);
        Assert.Equal(256, statistics.Samples);
    }

    [Fact]
    public void Sampling_every_other_pixel_keeps_the_laplacian_of_immediate_neighbours()
    {
        // Samples fall on (even, even) pixels, all dark (0) in this board: the mean drops to 0 while the
        // Laplacian, still taken against the light neighbours, is −1020 everywhere (variance 0).
        var statistics = FrameStatistics.Measure(SyntheticFrames.Checkerboard(16, 16, 0, 255), step: 2);

        Assert.Equal(new FrameStatistics(0, 0, 0, 64), statistics);
    }

    [Fact]
    public void Rgb_and_grey_frames_of_the_same_grey_picture_measure_alike()
    {
        var rgb = SyntheticFrames.Checkerboard(8, 8, 40, 200);
        var grey = new CameraFrame();
        grey.Prepare(new FrameGeometry(8, 8, FramePixelFormat.Gray8));
        for (var i = 0; i < 64; i++)
        {
            grey.Pixels[i] = rgb.Pixels[i * 3];
        }

        Assert.Equal(FrameStatistics.Measure(rgb), FrameStatistics.Measure(grey));
    }
}
