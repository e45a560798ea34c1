using Edge.Agent.Cameras.Frames;

namespace Edge.Agent.Cameras.Sources.Processes;

/// <summary>
/// Reads back-to-back raw frames of a fixed geometry from a byte stream (a child's stdout). Rows in the
/// stream may be padded (GStreamer pads RGB rows to 4 bytes); the padding is dropped.
/// </summary>
internal sealed class RawFrameReader
{
    private readonly Stream _stream;
    private readonly FrameGeometry _geometry;
    private readonly int _streamRowBytes;
    private readonly byte[]? _paddedFrame;

    public RawFrameReader(Stream stream, FrameGeometry geometry, int streamRowBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(streamRowBytes, geometry.RowBytes);
        _stream = stream;
        _geometry = geometry;
        _streamRowBytes = streamRowBytes;
        if (streamRowBytes != geometry.RowBytes)
        {
            _paddedFrame = new byte[streamRowBytes * geometry.Height];
        }
    }

    /// <summary>Bytes one frame takes in the stream.</summary>
    public int StreamFrameBytes => _streamRowBytes * _geometry.Height;

    /// <summary>True when the stream ended in the middle of a frame.</summary>
    public bool EndedMidFrame { get; private set; }

    /// <summary>Fills <paramref name="frame"/> with the next whole frame; false when the stream ended.</summary>
    public bool Read(CameraFrame frame)
    {
        frame.Prepare(_geometry);
        if (_paddedFrame is null)
        {
            return ReadExactly(frame.Pixels);
        }
        if (!ReadExactly(_paddedFrame))
        {
            return false;
        }
        var pixels = frame.Pixels;
        var rowBytes = _geometry.RowBytes;
        for (var row = 0; row < _geometry.Height; row++)
        {
            _paddedFrame.AsSpan(row * _streamRowBytes, rowBytes).CopyTo(pixels.Slice(row * rowBytes, rowBytes));
        }
        return true;
    }

    private bool ReadExactly(Span<byte> destination)
    {
        var read = _stream.ReadAtLeast(destination, destination.Length, throwOnEndOfStream: false);
        if (read == destination.Length)
        {
            return true;
        }
        EndedMidFrame = read > 0;
        return false;
    }
}
