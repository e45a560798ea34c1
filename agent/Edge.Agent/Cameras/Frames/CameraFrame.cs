using Edge.Imaging;

namespace Edge.Agent.Cameras.Frames;

/// <summary>
/// One captured picture in a buffer that is reused from frame to frame: a frame is filled by a camera
/// source, handed through a <see cref="FrameRing"/> to its consumer, and later refilled. Its pixel
/// array lives on the pinned object heap, so native code (an image codec, an inference engine) may take
/// its address without pinning it again.
/// </summary>
public sealed class CameraFrame
{
    private byte[] _buffer;

    /// <summary>Makes a frame whose buffer holds <paramref name="capacityBytes"/> bytes before it needs to grow.</summary>
    public CameraFrame(int capacityBytes = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacityBytes);
        _buffer = capacityBytes == 0 ? [] : GC.AllocateUninitializedArray<byte>(capacityBytes, pinned: true);
    }

    public FrameGeometry Geometry { get; private set; }

    public int Width => Geometry.Width;

    public int Height => Geometry.Height;

    public FramePixelFormat Format => Geometry.Format;

    /// <summary>When the picture was taken (UTC), as close to the sensor as the source can tell.</summary>
    public DateTime TimestampUtc { get; set; }

    /// <summary>Number of the frame in its camera's stream, counted from 0 and continued across reconnects.</summary>
    public long Sequence { get; set; }

    /// <summary>Bytes the buffer holds before it must grow.</summary>
    public int Capacity => _buffer.Length;

    /// <summary>The pixels, <see cref="FrameGeometry.FrameBytes"/> long.</summary>
    public Span<byte> Pixels => _buffer.AsSpan(0, Geometry.FrameBytes);

    /// <summary>The whole pinned buffer (at least <see cref="FrameGeometry.FrameBytes"/> long), for APIs that take arrays.</summary>
    public byte[] Buffer => _buffer;

    /// <summary>The pixels as Edge.Imaging sees them (for preprocessing, snapshots); valid until the frame is refilled.</summary>
    public ImageView AsView() => new(Pixels, Width, Height, Geometry.Layout);

    /// <summary>Grows the buffer to hold <paramref name="bytes"/> now, so that filling the frame later allocates nothing.</summary>
    public void Reserve(int bytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bytes);
        if (_buffer.Length < bytes)
        {
            _buffer = GC.AllocateUninitializedArray<byte>(bytes, pinned: true);
        }
    }

    /// <summary>
    /// Sets the geometry of the picture about to be written, growing the buffer only when it is too small
    /// (in steady state the geometry does not change and nothing is allocated).
    /// </summary>
    public void Prepare(FrameGeometry geometry)
    {
        if (geometry.Width == 0)
        {
            throw new ArgumentException("The geometry is empty (default).", nameof(geometry));
        }
        Reserve(geometry.FrameBytes);
        Geometry = geometry;
    }
}
