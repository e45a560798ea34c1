using Edge.Imaging;

namespace Edge.Agent.Cameras.Frames;

/// <summary>
/// Edge.Imaging <see cref="Image"/> wrappers over the buffers of reused frames, so a codec can decode
/// straight into a frame without a wrapper allocated per frame. A source fills only the few frames of
/// one ring, so a handful of entries suffice; an unknown buffer replaces the oldest entry.
/// </summary>
internal sealed class FrameImageCache
{
    private readonly (byte[]? Buffer, FrameGeometry Geometry, Image? Image)[] _entries = new (byte[]?, FrameGeometry, Image?)[8];
    private int _next;

    /// <summary>An image over <paramref name="frame"/>'s buffer with its current geometry.</summary>
    public Image For(CameraFrame frame)
    {
        foreach (var entry in _entries)
        {
            if (ReferenceEquals(entry.Buffer, frame.Buffer) && entry.Geometry == frame.Geometry)
            {
                return entry.Image!;
            }
        }
        var image = new Image(frame.Buffer, frame.Width, frame.Height, frame.Geometry.Layout);
        _entries[_next] = (frame.Buffer, frame.Geometry, image);
        _next = (_next + 1) % _entries.Length;
        return image;
    }
}
