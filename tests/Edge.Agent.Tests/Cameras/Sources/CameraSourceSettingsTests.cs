using Edge.Agent.Cameras.Sources;
using Edge.Agent.Cameras.Sources.Ffmpeg;
using Edge.Agent.Cameras.Sources.Folder;
using Edge.Agent.Cameras.Sources.GStreamer;
using Edge.Agent.Cameras.Sources.V4l2;

namespace Edge.Agent.Tests.Cameras.Sources;

public class CameraSourceSettingsTests
{
    [Fact]
    public void Good_settings_of_every_kind_validate_without_opening_anything()
    {
        // None of these exist: validation must not try to open them.
        new FfmpegSourceSettings("-i rtsp://192.0.2.1/stream").Validate();
        new GStreamerSourceSettings("nvarguscamerasrc ! video/x-raw,format=RGB,width=64,height=48 ! fdsink").Validate();
        new V4l2SourceSettings("/dev/video97").Validate();
        new FolderSourceSettings("/nonexistent/folder").Validate();
    }

    [Theory]
    [MemberData(nameof(BadSettings))]
    public void Bad_settings_fail_validation_with_a_permanent_error_naming_the_problem(CameraSourceSettings settings, string expected)
    {
        var error = Assert.Throws<CameraSourceException>(settings.Validate);

        Assert.True(error.IsPermanent);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<CameraSourceSettings, string> BadSettings() => new()
    {
        { new FfmpegSourceSettings("clip.mp4"), "no -i" },
        { new GStreamerSourceSettings("videotestsrc ! autovideosink"), "must end in fdsink" },
        { new V4l2SourceSettings("/dev/video0") { BufferCount = 1 }, "bufferCount must be 2 to 32" },
        { new FolderSourceSettings("/tmp") { FramesPerSecond = 0 }, "framesPerSecond must be a positive number" },
    };
}
