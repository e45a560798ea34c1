using Edge.Agent.Cameras.Sources;
using Edge.Agent.Cameras.Sources.V4l2;
using Edge.Agent.Interop;

namespace Edge.Agent.Tests.Cameras.V4l2;

/// <summary>The real ioctl path, on what this machine has: no camera, but real files and device nodes.</summary>
public class V4l2DeviceTests
{
    [Fact]
    public void Opening_a_device_that_does_not_exist_says_so_with_the_system_error_text()
    {
        using var source = new V4l2Source(new V4l2SourceSettings("/dev/video97"));

        var error = Assert.Throws<CameraSourceException>(() => source.Open(CancellationToken.None));

        Assert.False(error.IsPermanent);
        Assert.Equal("Cannot start camera /dev/video97: open on /dev/video97 failed: No such file or directory (errno 2)", error.Message);
        Assert.Equal(2, Assert.IsType<LibcException>(error.InnerException).Errno);
    }

    [Fact]
    public void A_device_node_that_is_not_a_camera_fails_at_querycap_with_the_kernels_answer()
    {
        using var device = V4l2Device.Open("/dev/null");

        var error = Assert.Throws<LibcException>(() => device.QueryCapabilities());

        Assert.Equal(25, error.Errno); // ENOTTY
        Assert.Equal("VIDIOC_QUERYCAP on /dev/null failed: Inappropriate ioctl for device (errno 25)", error.Message);
    }
}
