using Edge.Agent.Cameras.Frames;
using Edge.Agent.Cameras.Sources;
using Edge.Agent.Cameras.Sources.GStreamer;

namespace Edge.Agent.Tests.Cameras.Sources;

public class GStreamerPipelineTextTests
{
    [Fact]
    public void The_geometry_is_read_from_the_last_raw_caps_before_fdsink()
    {
        var geometry = GStreamerPipelineText.ResolveGeometry(new GStreamerSourceSettings(
            "videotestsrc ! video/x-raw,width=1920,height=1080 ! videoscale ! video/x-raw,format=(string)GRAY8,width=(int)640,height=480 ! fdsink sync=false"));

        Assert.Equal(new FrameGeometry(640, 480, FramePixelFormat.Gray8), geometry);
    }

    [Fact]
    public void Settings_fill_in_what_the_caps_leave_out()
    {
        var geometry = GStreamerPipelineText.ResolveGeometry(new GStreamerSourceSettings("v4l2src ! videoconvert ! video/x-raw,format=RGB ! fdsink")
        {
            Width = 32,
            Height = 16,
        });

        Assert.Equal(new FrameGeometry(32, 16, FramePixelFormat.Rgb24), geometry);
    }

    [Theory]
    [InlineData(30, FramePixelFormat.Rgb24, 92)]
    [InlineData(32, FramePixelFormat.Rgb24, 96)]
    [InlineData(5, FramePixelFormat.Gray8, 8)]
    public void Rows_in_the_stream_are_padded_to_four_bytes(int width, FramePixelFormat format, int expected)
    {
        Assert.Equal(expected, GStreamerPipelineText.StreamRowBytes(new FrameGeometry(width, 2, format)));
    }

    [Theory]
    [InlineData("videotestsrc ! video/x-raw,format=RGB,width=8,height=8 ! autovideosink", "must end in fdsink")]
    [InlineData("videotestsrc ! video/x-raw,format=RGB,width=8,height=8 ! fdsink fd=2", "fd=1")]
    [InlineData("videotestsrc ! video/x-raw,format=RGB ! fdsink", "frame size and format must be known")]
    [InlineData("videotestsrc ! video/x-raw,format=I420,width=8,height=8 ! fdsink", "format=RGB or format=GRAY8")]
    [InlineData("videotestsrc ! video/x-raw,format=RGB,width=[1,100],height=8 ! fdsink", "not a fixed number")]
    public void Unreadable_pipelines_are_permanent_errors_that_say_what_to_change(string pipeline, string expected)
    {
        var error = Assert.Throws<CameraSourceException>(() => GStreamerPipelineText.ResolveGeometry(new GStreamerSourceSettings(pipeline)));

        Assert.True(error.IsPermanent);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
