using Edge.Agent.Cameras.Frames;
using Edge.Agent.Cameras.Sources;
using Edge.Agent.Cameras.Sources.V4l2;
using Edge.Agent.Interop;
using Edge.Imaging;
using Edge.Imaging.Jpeg;
using Native = Edge.Agent.Interop.Interop;

namespace Edge.Agent.Tests.Cameras.V4l2;

/// <summary>The V4L2 source's streaming logic, driven through a simulated device because this machine has no camera.</summary>
public class V4l2SourceTests
{
    private const int Width = 4;
    private const int Height = 2;

    private static readonly V4l2StreamFormat Yuyv = new(Width, Height, Native.V4l2.V4L2_PIX_FMT_YUYV, 2 * Width, 2 * Width * Height);

    // A 4×2 picture of limited-range greys: 16 (black), 235 (white), 126 (mid grey), chroma neutral.
    private static byte[] GreyPicture(int bytesPerLine = 2 * Width)
    {
        var picture = new byte[bytesPerLine * Height];
        Array.Fill(picture, (byte)0xEE);
        byte[] lumas = [16, 235, 126, 126, 235, 16, 126, 126];
        for (var i = 0; i < lumas.Length; i++)
        {
            var offset = ((i / Width) * bytesPerLine) + (2 * (i % Width));
            picture[offset] = lumas[i];
            picture[offset + 1] = 128;
        }
        return picture;
    }

    private static readonly byte[] GreyPictureAsRgb = [0, 0, 0, 255, 255, 255, 128, 128, 128, 128, 128, 128, 255, 255, 255, 0, 0, 0, 128, 128, 128, 128, 128, 128];

    // A simulated device with nothing left to deliver waits for ever: a failing test must not hang the run.
    private static CancellationToken Patience() => new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token;

    private static (V4l2Source Source, SimulatedV4l2Device Device) Open(V4l2StreamFormat format, V4l2SourceSettings? settings = null)
    {
        var device = new SimulatedV4l2Device("/dev/video-sim", format);
        var source = new V4l2Source(settings ?? new V4l2SourceSettings(device.Path) { Width = Width, Height = Height, BufferCount = 2 }, _ => device);
        return (source, device);
    }

    [Fact]
    public void Each_buffer_is_converted_and_queued_back_to_the_driver_SimulatedCamera()
    {
        var (source, device) = Open(Yuyv);
        using var _ = source;
        Assert.Equal(new FrameGeometry(Width, Height, FramePixelFormat.Rgb24), source.Open(CancellationToken.None));
        for (var i = 0; i < 5; i++)
        {
            device.Deliver(new(GreyPicture()));
        }

        var frame = new CameraFrame();
        for (var i = 0; i < 5; i++)
        {
            Assert.True(source.ReadFrame(frame, Patience()));
            Assert.Equal(GreyPictureAsRgb, frame.Pixels.ToArray());
        }

        Assert.Equal(5, device.Requeued);
        Assert.Equal(2, device.QueuedCount);
    }

    [Fact]
    public void Padded_driver_rows_are_skipped_SimulatedCamera()
    {
        var (source, device) = Open(Yuyv with { BytesPerLine = 12, SizeImage = 24 });
        using var _ = source;
        source.Open(CancellationToken.None);
        device.Deliver(new(GreyPicture(bytesPerLine: 12)));

        var frame = new CameraFrame();
        Assert.True(source.ReadFrame(frame, Patience()));

        Assert.Equal(GreyPictureAsRgb, frame.Pixels.ToArray());
    }

    [Fact]
    public void Buffers_flagged_as_errors_or_too_short_are_skipped_and_counted_SimulatedCamera()
    {
        var (source, device) = Open(Yuyv);
        using var _ = source;
        source.Open(CancellationToken.None);
        device.Deliver(new(GreyPicture(), Flags: Native.V4l2.V4L2_BUF_FLAG_ERROR));
        device.Deliver(new(GreyPicture()[..10]));
        device.Deliver(new(GreyPicture()));

        var frame = new CameraFrame();
        Assert.True(source.ReadFrame(frame, Patience()));

        Assert.Equal(GreyPictureAsRgb, frame.Pixels.ToArray());
        Assert.Equal(2, source.CorruptFrames);
        Assert.Equal(3, device.Requeued);
    }

    [Fact]
    public void Grey_frames_are_the_stretched_luma_SimulatedCamera()
    {
        var (source, device) = Open(Yuyv, new V4l2SourceSettings("/dev/video-sim") { PixelFormat = FramePixelFormat.Gray8 });
        using var _ = source;
        Assert.Equal(new FrameGeometry(Width, Height, FramePixelFormat.Gray8), source.Open(CancellationToken.None));
        device.Deliver(new(GreyPicture()));

        var frame = new CameraFrame();
        Assert.True(source.ReadFrame(frame, Patience()));

        Assert.Equal([0, 255, 128, 128, 255, 0, 128, 128], frame.Pixels.ToArray());
    }

    [Fact]
    public void Mjpeg_frames_are_decoded_and_damaged_ones_skipped_SimulatedCamera()
    {
        var picture = new Image(16, 8, PixelLayout.Rgb);
        for (var i = 0; i < picture.Pixels.Length; i++)
        {
            picture.Pixels[i] = (byte)(i * 7);
        }
        var jpeg = JpegCodec.Encode(picture.AsView(), quality: 90);
        var mjpeg = new V4l2StreamFormat(16, 8, Native.V4l2.V4L2_PIX_FMT_MJPEG, 0, 4096);
        var device = new SimulatedV4l2Device("/dev/video-sim", mjpeg);
        using var source = new V4l2Source(new V4l2SourceSettings(device.Path) { InputFormat = V4l2InputFormat.Mjpeg, BufferCount = 2 }, _ => device);
        Assert.Equal(new FrameGeometry(16, 8, FramePixelFormat.Rgb24), source.Open(CancellationToken.None));
        device.Deliver(new(jpeg[..(jpeg.Length / 2)]));
        device.Deliver(new(jpeg));

        var frame = new CameraFrame();
        Assert.True(source.ReadFrame(frame, Patience()));

        Assert.Equal(1, source.CorruptFrames);
        Assert.Equal(JpegCodec.Decode(jpeg, PixelLayout.Rgb).Pixels, frame.Pixels.ToArray());
        Assert.Equal(2, device.Requeued);
    }

    [Fact]
    public void Monotonic_buffer_timestamps_become_wall_clock_capture_times_SimulatedCamera()
    {
        var (source, device) = Open(Yuyv);
        using var _ = source;
        source.Open(CancellationToken.None);
        device.Deliver(new(GreyPicture(), Age: TimeSpan.FromSeconds(2)));

        var frame = new CameraFrame();
        var before = DateTime.UtcNow;
        Assert.True(source.ReadFrame(frame, Patience()));
        var after = DateTime.UtcNow;

        Assert.InRange(frame.TimestampUtc, before - TimeSpan.FromSeconds(2), after - TimeSpan.FromSeconds(2));
    }

    [Fact]
    public void A_driver_that_picks_another_format_is_refused_with_the_formats_it_offers_SimulatedCamera()
    {
        var (source, _) = Open(Yuyv with { FourCc = Native.V4l2.FourCc("GREY") });
        using var __ = source;

        var error = Assert.Throws<CameraSourceException>(() => source.Open(CancellationToken.None));

        Assert.True(error.IsPermanent);
        Assert.Equal("/dev/video-sim (Simulated camera) does not deliver YUYV; it offers: GREY (8-bit Greyscale), RGB3 (24-bit RGB 8-8-8). Change the camera's inputFormat.", error.Message);
    }

    [Fact]
    public void A_device_that_cannot_capture_is_a_permanent_error_SimulatedCamera()
    {
        var device = new SimulatedV4l2Device("/dev/video-sim", Yuyv, capabilities: Native.V4l2.V4L2_CAP_STREAMING);
        using var source = new V4l2Source(new V4l2SourceSettings(device.Path), _ => device);

        var error = Assert.Throws<CameraSourceException>(() => source.Open(CancellationToken.None));

        Assert.True(error.IsPermanent);
        Assert.Contains("is not a video capture device", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cancelling_while_no_frame_comes_ends_the_wait_within_a_poll_slice_SimulatedCamera()
    {
        var (source, _) = Open(Yuyv);
        using var __ = source;
        source.Open(CancellationToken.None);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(250));

        var started = DateTime.UtcNow;
        Assert.ThrowsAny<OperationCanceledException>(() => source.ReadFrame(new CameraFrame(), cancel.Token));

        Assert.InRange(DateTime.UtcNow - started, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void An_unplugged_camera_is_reported_as_lost_and_disposing_releases_the_device_SimulatedCamera()
    {
        var (source, device) = Open(Yuyv);
        source.Open(CancellationToken.None);
        device.Deliver(new([], Failure: new LibcException("VIDIOC_DQBUF", device.Path, 19)));

        var error = Assert.Throws<CameraSourceException>(() => source.ReadFrame(new CameraFrame(), Patience()));
        source.Dispose();

        Assert.False(error.IsPermanent);
        Assert.Equal("Camera /dev/video-sim was lost: VIDIOC_DQBUF on /dev/video-sim failed: No such device (errno 19)", error.Message);
        Assert.True(device.Disposed);
    }
}
