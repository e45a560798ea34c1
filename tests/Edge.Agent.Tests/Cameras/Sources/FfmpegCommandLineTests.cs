using Edge.Agent.Cameras.Frames;
using Edge.Agent.Cameras.Sources;
using Edge.Agent.Cameras.Sources.Ffmpeg;

namespace Edge.Agent.Tests.Cameras.Sources;

public class FfmpegCommandLineTests
{
    [Fact]
    public void The_input_arguments_are_followed_by_a_raw_video_output_on_stdout()
    {
        var arguments = FfmpegCommandLine.Build(new FfmpegSourceSettings("-re -i 'a b.mp4'"));

        Assert.Equal(
            ["-hide_banner", "-nostdin", "-nostats", "-loglevel", "info", "-re", "-i", "a b.mp4",
             "-an", "-sn", "-dn", "-pix_fmt", "rgb24", "-f", "rawvideo", "pipe:1"],
            arguments);
    }

    [Fact]
    public void A_configured_size_and_rate_become_a_scale_filter_and_an_output_rate()
    {
        var arguments = FfmpegCommandLine.Build(new FfmpegSourceSettings("-i x.mp4")
        {
            Width = 320,
            Height = 240,
            FramesPerSecond = 7.5,
            PixelFormat = FramePixelFormat.Gray8,
        });

        Assert.Equal(
            ["-vf", "scale=320:240", "-r", "7.5", "-pix_fmt", "gray", "-f", "rawvideo", "pipe:1"],
            arguments.Skip(arguments.Count - 9));
    }

    [Theory]
    [InlineData("-re clip.mp4", null, null, "no -i")]
    [InlineData("-i clip.mp4", 320, null, "both width and height")]
    [InlineData("-i clip.mp4", 0, 10, "1 to 16384")]
    [InlineData("-i 'clip.mp4", null, null, "not closed")]
    public void Unusable_settings_are_permanent_errors_that_say_what_is_wrong(string input, int? width, int? height, string expected)
    {
        var error = Assert.Throws<CameraSourceException>(() =>
            FfmpegCommandLine.Build(new FfmpegSourceSettings(input) { Width = width, Height = height }));

        Assert.True(error.IsPermanent);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
