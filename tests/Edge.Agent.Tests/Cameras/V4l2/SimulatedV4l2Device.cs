using Edge.Agent.Cameras.Sources.V4l2;
using Edge.Agent.Interop;
using Native = Edge.Agent.Interop.Interop;

namespace Edge.Agent.Tests.Cameras.V4l2;

/// <summary>
/// A stand-in for a V4L2 driver (no camera exists on this machine): it owns a few buffers, fills a queued
/// one with the next scripted picture on DQBUF, and checks the driver rules a client must follow (only
/// queued buffers are filled, only dequeued ones may be queued back).
/// </summary>
internal sealed class SimulatedV4l2Device : IV4l2Device
{
    private readonly Lock _lock = new();
    private readonly Queue<ScriptedFrame> _script = new();
    private readonly List<int> _queued = [];
    private readonly HashSet<int> _dequeued = [];
    private byte[][] _buffers = [];
    private readonly TimeSpan _clock = TimeSpan.FromHours(5);

    public SimulatedV4l2Device(string path, V4l2StreamFormat format, uint capabilities = Native.V4l2.V4L2_CAP_VIDEO_CAPTURE | Native.V4l2.V4L2_CAP_STREAMING)
    {
        Path = path;
        Format = format;
        Capabilities = capabilities;
    }

    /// <summary>One picture the simulated driver will deliver.</summary>
    public sealed record ScriptedFrame(byte[] Data, uint Flags = 0, TimeSpan? Age = null, Exception? Failure = null);

    public string Path { get; }

    public V4l2StreamFormat Format { get; set; }

    public uint Capabilities { get; }

    public int Requeued { get; private set; }

    public bool Disposed { get; private set; }

    public int QueuedCount
    {
        get
        {
            lock (_lock)
            {
                return _queued.Count;
            }
        }
    }

    public void Deliver(ScriptedFrame frame)
    {
        lock (_lock)
        {
            _script.Enqueue(frame);
        }
    }

    public V4l2DeviceInfo QueryCapabilities() => new("simdrv", "Simulated camera", "sim:0", Capabilities);

    public IReadOnlyList<(uint FourCc, string Description)> EnumerateFormats() =>
        [(Native.V4l2.FourCc("GREY"), "8-bit Greyscale"), (Native.V4l2.FourCc("RGB3"), "24-bit RGB 8-8-8")];

    public V4l2StreamFormat SetFormat(int width, int height, uint fourCc) => Format;

    public bool SetFrameRate(double framesPerSecond) => false;

    public int StartStreaming(int bufferCount)
    {
        _buffers = Enumerable.Range(0, bufferCount).Select(_ => new byte[Format.SizeImage]).ToArray();
        lock (_lock)
        {
            _queued.AddRange(Enumerable.Range(0, bufferCount));
        }
        return bufferCount;
    }

    public V4l2PollResult Poll(int timeoutMilliseconds)
    {
        lock (_lock)
        {
            if (_script.Count > 0 && _queued.Count > 0)
            {
                return V4l2PollResult.Ready;
            }
        }
        Thread.Sleep(timeoutMilliseconds);
        return V4l2PollResult.TimedOut;
    }

    public V4l2DequeuedBuffer? Dequeue()
    {
        lock (_lock)
        {
            if (_script.Count == 0 || _queued.Count == 0)
            {
                return null;
            }
            var frame = _script.Dequeue();
            if (frame.Failure is not null)
            {
                throw frame.Failure;
            }
            var index = _queued[0];
            _queued.RemoveAt(0);
            _dequeued.Add(index);
            var buffer = _buffers[index];
            // Stale bytes after the picture, as a real buffer would have from earlier frames.
            buffer.AsSpan().Fill(0xA5);
            frame.Data.CopyTo(buffer, 0);
            var flags = frame.Flags | (frame.Age is null ? 0 : Native.V4l2.V4L2_BUF_FLAG_TIMESTAMP_MONOTONIC);
            return new V4l2DequeuedBuffer(index, frame.Data.Length, flags, _clock - (frame.Age ?? TimeSpan.Zero), 0);
        }
    }

    public ReadOnlySpan<byte> Data(in V4l2DequeuedBuffer buffer) => _buffers[buffer.Index].AsSpan(0, buffer.BytesUsed);

    public void Requeue(in V4l2DequeuedBuffer buffer)
    {
        lock (_lock)
        {
            if (!_dequeued.Remove(buffer.Index))
            {
                throw new LibcException("VIDIOC_QBUF", Path, Native.Libc.Errno.EINVAL);
            }
            _queued.Add(buffer.Index);
            Requeued++;
        }
    }

    public TimeSpan ClockNow() => _clock;

    public void Dispose() => Disposed = true;
}
