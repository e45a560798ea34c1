namespace Edge.Imaging;

/// <summary>A 16-bit image with interleaved channels, top row first, rows <see cref="Stride"/> samples apart.</summary>
public sealed class Image16
{
    /// <summary>A black, tightly packed image.</summary>
    public Image16(int width, int height, PixelLayout layout)
    {
        ImageGeometry.ValidateSize(width, height, layout);
        Pixels = new ushort[ImageGeometry.PackedLength(width, height, (int)layout)];
        Width = width;
        Height = height;
        Layout = layout;
        Stride = width * (int)layout;
    }

    public ushort[] Pixels { get; }

    public int Width { get; }

    public int Height { get; }

    public PixelLayout Layout { get; }

    public int Channels => (int)Layout;

    /// <summary>Samples (not bytes) from one row to the next.</summary>
    public int Stride { get; }

    public Span<ushort> Row(int y)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)y, (uint)Height, nameof(y));
        return Pixels.AsSpan(y * Stride, Width * Channels);
    }
}
