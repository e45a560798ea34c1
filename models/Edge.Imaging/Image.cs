namespace Edge.Imaging;

/// <summary>
/// An 8-bit image with interleaved channels (gray, gray+alpha, RGB, RGBA), top row first,
/// rows <see cref="Stride"/> bytes apart in <see cref="Pixels"/>.
/// </summary>
public sealed class Image
{
    /// <summary>A black, tightly packed image.</summary>
    public Image(int width, int height, PixelLayout layout)
    {
        ImageGeometry.ValidateSize(width, height, layout);
        Pixels = new byte[ImageGeometry.PackedLength(width, height, (int)layout)];
        Width = width;
        Height = height;
        Layout = layout;
        Stride = width * (int)layout;
    }

    /// <summary>Wraps <paramref name="pixels"/> without copying; <paramref name="stride"/> 0 means tightly packed.</summary>
    public Image(byte[] pixels, int width, int height, PixelLayout layout, int stride = 0)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        Stride = ImageGeometry.Validate(width, height, layout, stride, pixels.Length);
        Pixels = pixels;
        Width = width;
        Height = height;
        Layout = layout;
    }

    public byte[] Pixels { get; }

    public int Width { get; }

    public int Height { get; }

    public PixelLayout Layout { get; }

    public int Channels => (int)Layout;

    public int Stride { get; }

    public Span<byte> Row(int y)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)y, (uint)Height, nameof(y));
        return Pixels.AsSpan(y * Stride, Width * Channels);
    }

    public ImageView AsView() => new(Pixels, Width, Height, Layout, Stride);

    /// <summary>A copy in <paramref name="layout"/> (see <see cref="ColorConversion.Convert"/> for the rules).</summary>
    public Image ConvertTo(PixelLayout layout)
    {
        var converted = new Image(Width, Height, layout);
        ColorConversion.Convert(AsView(), converted);
        return converted;
    }

    public Image ToRgb() => ConvertTo(PixelLayout.Rgb);

    public Image ToGray() => ConvertTo(PixelLayout.Gray);

    /// <summary>A tightly packed copy of the pixels inside <paramref name="rect"/>.</summary>
    public Image Crop(PixelRect rect) => AsView().Crop(rect).ToImage();
}
