using System.Runtime.InteropServices;
using System.Text;
using Edge.Agent.Interop;
using static Edge.Agent.Interop.Interop.V4l2;
using Libc = Edge.Agent.Interop.Interop.Libc;

namespace Edge.Agent.Cameras.Sources.V4l2;

/// <summary>
/// A V4L2 capture device driven with ioctls: every call's result is checked (errno text in the
/// exception), buffers are mmap'ed and owned by SafeHandles, and frames are waited for with poll().
/// The descriptor is opened non-blocking, so DQBUF never blocks: it answers EAGAIN instead.
/// </summary>
internal sealed unsafe class V4l2Device : IV4l2Device
{
    private readonly SafeFileDescriptor _fd;
    private SafeMemoryMapping[] _buffers = [];
    private bool _streaming;

    private V4l2Device(string path, SafeFileDescriptor fd)
    {
        Path = path;
        _fd = fd;
    }

    public string Path { get; }

    /// <exception cref="LibcException">open failed (no such device, no permission, busy).</exception>
    public static V4l2Device Open(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var fd = Libc.Open(path, Libc.O_RDWR | Libc.O_NONBLOCK | Libc.O_CLOEXEC);
        if (fd.IsInvalid)
        {
            var errno = Marshal.GetLastPInvokeError();
            fd.Dispose();
            throw new LibcException("open", path, errno);
        }
        return new V4l2Device(path, fd);
    }

    public V4l2DeviceInfo QueryCapabilities()
    {
        var capability = default(v4l2_capability);
        Ioctl(VIDIOC_QUERYCAP, &capability, nameof(VIDIOC_QUERYCAP));
        var capabilities = (capability.capabilities & V4L2_CAP_DEVICE_CAPS) != 0 ? capability.device_caps : capability.capabilities;
        return new V4l2DeviceInfo(Text(capability.driver, 16), Text(capability.card, 32), Text(capability.bus_info, 32), capabilities);
    }

    public IReadOnlyList<(uint FourCc, string Description)> EnumerateFormats()
    {
        var formats = new List<(uint, string)>();
        for (uint index = 0; ; index++)
        {
            var description = new v4l2_fmtdesc { index = index, type = V4L2_BUF_TYPE_VIDEO_CAPTURE };
            // EINVAL past the last format is how the list ends.
            if (TryIoctl(VIDIOC_ENUM_FMT, &description, nameof(VIDIOC_ENUM_FMT), Libc.Errno.EINVAL) != 0)
            {
                return formats;
            }
            formats.Add((description.pixelformat, Text(description.description, 32)));
        }
    }

    public V4l2StreamFormat SetFormat(int width, int height, uint fourCc)
    {
        var format = new v4l2_format { type = V4L2_BUF_TYPE_VIDEO_CAPTURE };
        format.pix.width = (uint)width;
        format.pix.height = (uint)height;
        format.pix.pixelformat = fourCc;
        format.pix.field = V4L2_FIELD_ANY;
        Ioctl(VIDIOC_S_FMT, &format, nameof(VIDIOC_S_FMT));
        return new V4l2StreamFormat((int)format.pix.width, (int)format.pix.height, format.pix.pixelformat,
            (int)format.pix.bytesperline, (int)format.pix.sizeimage);
    }

    public bool SetFrameRate(double framesPerSecond)
    {
        var parameters = new v4l2_streamparm { type = V4L2_BUF_TYPE_VIDEO_CAPTURE };
        Ioctl(VIDIOC_G_PARM, &parameters, nameof(VIDIOC_G_PARM));
        if ((parameters.capture.capability & V4L2_CAP_TIMEPERFRAME) == 0)
        {
            return false;
        }
        // The interval is a fraction of a second: 1000 / (fps × 1000) keeps rates like 7.5 exact.
        parameters.capture.timeperframe = new v4l2_fract { numerator = 1000, denominator = (uint)Math.Round(framesPerSecond * 1000) };
        Ioctl(VIDIOC_S_PARM, &parameters, nameof(VIDIOC_S_PARM));
        return true;
    }

    public int StartStreaming(int bufferCount)
    {
        if (_streaming)
        {
            throw new InvalidOperationException($"{Path} is streaming already.");
        }
        var request = new v4l2_requestbuffers { count = (uint)bufferCount, type = V4L2_BUF_TYPE_VIDEO_CAPTURE, memory = V4L2_MEMORY_MMAP };
        Ioctl(VIDIOC_REQBUFS, &request, nameof(VIDIOC_REQBUFS));
        if (request.count < 2)
        {
            throw new LibcException($"{Path}: the driver granted {request.count} buffers; streaming needs at least 2.");
        }
        _buffers = new SafeMemoryMapping[request.count];
        for (var i = 0; i < _buffers.Length; i++)
        {
            var buffer = new v4l2_buffer { index = (uint)i, type = V4L2_BUF_TYPE_VIDEO_CAPTURE, memory = V4L2_MEMORY_MMAP };
            Ioctl(VIDIOC_QUERYBUF, &buffer, nameof(VIDIOC_QUERYBUF));
            _buffers[i] = SafeMemoryMapping.Map(_fd, buffer.length, buffer.m_offset, $"{Path} buffer {i}");
            Ioctl(VIDIOC_QBUF, &buffer, nameof(VIDIOC_QBUF));
        }
        var type = (int)V4L2_BUF_TYPE_VIDEO_CAPTURE;
        Ioctl(VIDIOC_STREAMON, &type, nameof(VIDIOC_STREAMON));
        _streaming = true;
        return _buffers.Length;
    }

    public V4l2PollResult Poll(int timeoutMilliseconds)
    {
        var added = false;
        _fd.DangerousAddRef(ref added);
        try
        {
            var descriptor = new Libc.pollfd { fd = (int)_fd.DangerousGetHandle(), events = Libc.POLLIN };
            var ready = Libc.Poll(&descriptor, 1, timeoutMilliseconds);
            if (ready < 0)
            {
                var errno = Marshal.GetLastPInvokeError();
                return errno == Libc.Errno.EINTR ? V4l2PollResult.TimedOut : throw new LibcException("poll", Path, errno);
            }
            if (ready == 0)
            {
                return V4l2PollResult.TimedOut;
            }
            return (descriptor.revents & (Libc.POLLERR | Libc.POLLHUP | Libc.POLLNVAL)) != 0 ? V4l2PollResult.Error : V4l2PollResult.Ready;
        }
        finally
        {
            if (added)
            {
                _fd.DangerousRelease();
            }
        }
    }

    public V4l2DequeuedBuffer? Dequeue()
    {
        var buffer = new v4l2_buffer { type = V4L2_BUF_TYPE_VIDEO_CAPTURE, memory = V4L2_MEMORY_MMAP };
        if (TryIoctl(VIDIOC_DQBUF, &buffer, nameof(VIDIOC_DQBUF), Libc.Errno.EAGAIN) != 0)
        {
            return null;
        }
        if (buffer.index >= _buffers.Length || buffer.bytesused > _buffers[buffer.index].Length)
        {
            throw new LibcException($"{Path}: VIDIOC_DQBUF returned buffer {buffer.index} with {buffer.bytesused} bytes, outside the {_buffers.Length} mapped buffers.");
        }
        var timestamp = TimeSpan.FromSeconds(buffer.timestamp.tv_sec) + TimeSpan.FromMicroseconds(buffer.timestamp.tv_usec);
        return new V4l2DequeuedBuffer((int)buffer.index, (int)buffer.bytesused, buffer.flags, timestamp, buffer.sequence);
    }

    public ReadOnlySpan<byte> Data(in V4l2DequeuedBuffer buffer) =>
        new((void*)_buffers[buffer.Index].DangerousGetHandle(), buffer.BytesUsed);

    public void Requeue(in V4l2DequeuedBuffer buffer)
    {
        var request = new v4l2_buffer { index = (uint)buffer.Index, type = V4L2_BUF_TYPE_VIDEO_CAPTURE, memory = V4L2_MEMORY_MMAP };
        Ioctl(VIDIOC_QBUF, &request, nameof(VIDIOC_QBUF));
    }

    public TimeSpan ClockNow()
    {
        if (Libc.ClockGettime(Libc.CLOCK_MONOTONIC, out var now) != 0)
        {
            throw new LibcException("clock_gettime", "CLOCK_MONOTONIC", Marshal.GetLastPInvokeError());
        }
        return TimeSpan.FromSeconds(now.tv_sec) + TimeSpan.FromTicks(now.tv_nsec / 100);
    }

    public void Dispose()
    {
        if (_streaming)
        {
            _streaming = false;
            var type = (int)V4L2_BUF_TYPE_VIDEO_CAPTURE;
            // A device that was unplugged refuses STREAMOFF (ENODEV); closing it releases the buffers anyway.
            TryIoctl(VIDIOC_STREAMOFF, &type, nameof(VIDIOC_STREAMOFF), allowedErrno: -1);
        }
        foreach (var buffer in _buffers)
        {
            buffer.Dispose();
        }
        _fd.Dispose();
    }

    private void Ioctl<T>(nuint request, T* argument, string name) where T : unmanaged =>
        TryIoctl(request, argument, name, allowedErrno: 0);

    /// <summary>
    /// The one place ioctls are issued: retried on EINTR, <paramref name="allowedErrno"/> (or any errno,
    /// for -1) returned to the caller, any other failure thrown with the system's text.
    /// </summary>
    private int TryIoctl<T>(nuint request, T* argument, string name, int allowedErrno) where T : unmanaged
    {
        while (Libc.Ioctl(_fd, request, argument) == -1)
        {
            var errno = Marshal.GetLastPInvokeError();
            if (errno == Libc.Errno.EINTR)
            {
                continue;
            }
            if (errno == allowedErrno || allowedErrno == -1)
            {
                return errno;
            }
            throw new LibcException(name, Path, errno);
        }
        return 0;
    }

    private static string Text(byte* bytes, int capacity)
    {
        var length = new ReadOnlySpan<byte>(bytes, capacity).IndexOf((byte)0);
        return Encoding.UTF8.GetString(bytes, length < 0 ? capacity : length);
    }
}
