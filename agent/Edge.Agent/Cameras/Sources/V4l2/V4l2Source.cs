using Edge.Agent.Cameras.Frames;
using Edge.Agent.Interop;
using Edge.Imaging;
using Edge.Imaging.Jpeg;
using static Edge.Agent.Interop.Interop.V4l2;

namespace Edge.Agent.Cameras.Sources.V4l2;

/// <summary>
/// Frames from a V4L2 device: the format is negotiated, driver buffers are memory-mapped, and each frame
/// is waited for with poll() in short slices (so cancellation is seen promptly), dequeued, converted from
/// its <c>bytesused</c> bytes only, and queued back.
/// </summary>
public sealed class V4l2Source : ICameraSource
{
    // Short enough for a prompt stop, long enough not to spin.
    private const int PollSliceMilliseconds = 100;

    private readonly V4l2SourceSettings _settings;
    private readonly Func<string, IV4l2Device> _openDevice;
    private readonly uint _fourCc;
    private readonly FrameImageCache _frameImages = new();
    private JpegDecoder? _jpeg;
    private IV4l2Device? _device;
    private V4l2StreamFormat _format;
    private FrameGeometry _geometry;

    public V4l2Source(V4l2SourceSettings settings)
        : this(settings, V4l2Device.Open)
    {
    }

    internal V4l2Source(V4l2SourceSettings settings, Func<string, IV4l2Device> openDevice)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (string.IsNullOrWhiteSpace(settings.DevicePath))
        {
            throw new CameraSourceException("v4l2: the device path is empty.", isPermanent: true);
        }
        if (settings.Width is <= 0 or > FrameGeometry.MaxDimension || settings.Height is <= 0 or > FrameGeometry.MaxDimension)
        {
            throw new CameraSourceException($"v4l2: width and height must be 1 to {FrameGeometry.MaxDimension}.", isPermanent: true);
        }
        if (settings.BufferCount is < 2 or > 32)
        {
            throw new CameraSourceException("v4l2: bufferCount must be 2 to 32.", isPermanent: true);
        }
        if (settings.FramesPerSecond is <= 0 or double.NaN)
        {
            throw new CameraSourceException("v4l2: framesPerSecond must be positive.", isPermanent: true);
        }
        _settings = settings;
        _openDevice = openDevice;
        _fourCc = settings.InputFormat == V4l2InputFormat.Mjpeg ? V4L2_PIX_FMT_MJPEG : V4L2_PIX_FMT_YUYV;
    }

    public string Description => $"v4l2 {_settings.DevicePath}";

    /// <summary>Buffers dropped: flagged as corrupt by the driver, too short, or (MJPEG) not a whole JPEG of the negotiated size.</summary>
    public long CorruptFrames { get; private set; }

    public FrameGeometry Open(CancellationToken cancellationToken)
    {
        if (_device is not null)
        {
            throw new InvalidOperationException("This source was opened already; make a new one per session.");
        }
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            _device = _openDevice(_settings.DevicePath);
            Negotiate(_device);
            return _geometry;
        }
        catch (LibcException e)
        {
            // A missing or busy device may come back (replugged, released): worth retrying.
            throw new CameraSourceException($"Cannot start camera {_settings.DevicePath}: {e.Message}", isPermanent: false, e);
        }
    }

    public bool ReadFrame(CameraFrame frame, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var device = _device ?? throw new InvalidOperationException("Open the source before reading frames.");
        try
        {
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var poll = device.Poll(PollSliceMilliseconds);
                if (poll == V4l2PollResult.TimedOut)
                {
                    continue;
                }
                // On an error DQBUF says what it is (ENODEV when the camera was unplugged).
                if (device.Dequeue() is not { } buffer)
                {
                    if (poll == V4l2PollResult.Error)
                    {
                        throw new CameraSourceException($"Camera {_settings.DevicePath} reported an error (poll) but had no buffer to return.");
                    }
                    continue;
                }
                try
                {
                    if (TryConvert(device, buffer, frame))
                    {
                        return true;
                    }
                    CorruptFrames++;
                }
                finally
                {
                    device.Requeue(buffer);
                }
            }
        }
        catch (LibcException e)
        {
            throw new CameraSourceException($"Camera {_settings.DevicePath} was lost: {e.Message}", isPermanent: false, e);
        }
    }

    public void Dispose()
    {
        _device?.Dispose();
        _jpeg?.Dispose();
    }

    private void Negotiate(IV4l2Device device)
    {
        var info = device.QueryCapabilities();
        if ((info.Capabilities & V4L2_CAP_VIDEO_CAPTURE) == 0)
        {
            throw new CameraSourceException($"{device.Path} ({info.Driver}, {info.Card}) is not a video capture device.", isPermanent: true);
        }
        if ((info.Capabilities & V4L2_CAP_STREAMING) == 0)
        {
            throw new CameraSourceException($"{device.Path} ({info.Driver}, {info.Card}) cannot stream with mmap buffers.", isPermanent: true);
        }
        _format = device.SetFormat(_settings.Width, _settings.Height, _fourCc);
        if (_format.FourCc != _fourCc)
        {
            var offered = string.Join(", ", device.EnumerateFormats().Select(f => $"{FourCcText(f.FourCc)} ({f.Description})"));
            throw new CameraSourceException(
                $"{device.Path} ({info.Card}) does not deliver {FourCcText(_fourCc)}; it offers: {offered}. Change the camera's inputFormat.", isPermanent: true);
        }
        if (_format.BytesPerLine == 0)
        {
            // Drivers may leave it 0 for packed formats: the rows are then exactly packed.
            _format = _format with { BytesPerLine = 2 * _format.Width };
        }
        _geometry = new FrameGeometry(_format.Width, _format.Height, _settings.PixelFormat);
        if (_fourCc == V4L2_PIX_FMT_MJPEG)
        {
            _jpeg = new JpegDecoder();
        }
        if (_settings.FramesPerSecond is { } fps)
        {
            device.SetFrameRate(fps);
        }
        device.StartStreaming(_settings.BufferCount);
    }

    private bool TryConvert(IV4l2Device device, in V4l2DequeuedBuffer buffer, CameraFrame frame)
    {
        if ((buffer.Flags & V4L2_BUF_FLAG_ERROR) != 0)
        {
            return false;
        }
        var data = device.Data(buffer);
        frame.Prepare(_geometry);
        if (_jpeg is not null)
        {
            if (!TryDecodeJpeg(data, frame))
            {
                return false;
            }
            frame.TimestampUtc = CaptureTimeUtc(device, buffer);
            return true;
        }
        var packedRow = 2 * _format.Width;
        if (data.Length < ((_format.Height - 1) * _format.BytesPerLine) + packedRow)
        {
            return false;
        }
        if (_geometry.Format == FramePixelFormat.Rgb24)
        {
            YuyvConverter.ToRgb24(data, _format.BytesPerLine, _format.Width, _format.Height, frame.Pixels);
        }
        else
        {
            YuyvConverter.ToGray8(data, _format.BytesPerLine, _format.Width, _format.Height, frame.Pixels);
        }
        frame.TimestampUtc = CaptureTimeUtc(device, buffer);
        return true;
    }

    // USB cameras send the odd truncated or damaged JPEG; such a frame is skipped, not fatal.
    private bool TryDecodeJpeg(ReadOnlySpan<byte> jpeg, CameraFrame frame)
    {
        try
        {
            var header = _jpeg!.ReadHeader(jpeg);
            if (header.Width != _geometry.Width || header.Height != _geometry.Height)
            {
                return false;
            }
            _jpeg.DecodeInto(jpeg, _frameImages.For(frame));
            return true;
        }
        catch (ImagingException)
        {
            // A TurboJPEG instance whose header read failed reports 0x0 for every later JPEG: start afresh.
            _jpeg!.Dispose();
            _jpeg = new JpegDecoder();
            return false;
        }
    }

    private static DateTime CaptureTimeUtc(IV4l2Device device, in V4l2DequeuedBuffer buffer)
    {
        var now = DateTime.UtcNow;
        if ((buffer.Flags & V4L2_BUF_FLAG_TIMESTAMP_MASK) != V4L2_BUF_FLAG_TIMESTAMP_MONOTONIC)
        {
            return now;
        }
        // The driver stamps the buffer on the monotonic clock; its age moves the wall-clock reading back.
        var age = device.ClockNow() - buffer.Timestamp;
        return age > TimeSpan.Zero ? now - age : now;
    }
}
