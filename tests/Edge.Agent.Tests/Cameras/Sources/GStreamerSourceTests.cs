using Edge.Agent.Cameras.Frames;
using Edge.Agent.Cameras.Sources;
using Edge.Agent.Cameras.Sources.GStreamer;
using Edge.Agent.Tests.Cameras.Support;

namespace Edge.Agent.Tests.Cameras.Sources;

public class GStreamerSourceTests
{
    [Fact]
    public void A_test_pipeline_yields_its_frames_with_row_padding_removed()
    {
        CameraTools.Require("gst-launch-1.0", CameraTools.GStreamerInstallHint);
        // Width 30: GStreamer pads each 90-byte RGB row to 92 bytes in the stream.
        const string pipeline = "videotestsrc num-buffers=4 pattern=smpte ! video/x-raw,format=RGB,width=30,height=20 ! fdsink";
        var padded = CameraTools.Run("gst-launch-1.0", ["-q", .. pipeline.Split(' ')]);
        Assert.Equal(4 * 20 * 92, padded.Length);

        using var source = new GStreamerSource(new GStreamerSourceSettings(pipeline));
        Assert.Equal(new FrameGeometry(30, 20, FramePixelFormat.Rgb24), source.Open(CancellationToken.None));
        var frame = new CameraFrame();
        for (var i = 0; i < 4; i++)
        {
            Assert.True(source.ReadFrame(frame, CancellationToken.None), $"frame {i} missing");
            for (var row = 0; row < 20; row++)
            {
                var expected = padded.AsSpan((((i * 20) + row) * 92), 90);
                Assert.True(expected.SequenceEqual(frame.Pixels.Slice(row * 90, 90)), $"frame {i} row {row} differs");
            }
        }
        Assert.False(source.ReadFrame(frame, CancellationToken.None));
    }

    [Fact]
    public void A_failing_pipeline_reports_gstreamers_error()
    {
        CameraTools.Require("gst-launch-1.0", CameraTools.GStreamerInstallHint);
        using var source = new GStreamerSource(new GStreamerSourceSettings(
            "filesrc location=/nonexistent/video.raw ! video/x-raw,format=GRAY8,width=8,height=8 ! fdsink"));
        source.Open(CancellationToken.None);

        var error = Assert.Throws<CameraSourceException>(() => source.ReadFrame(new CameraFrame(), CancellationToken.None));

        Assert.Contains("No such file \"/nonexistent/video.raw\"", error.Message, StringComparison.Ordinal);
    }
}
