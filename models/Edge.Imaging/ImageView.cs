namespace Edge.Imaging;

/// <summary>
/// A read-only window onto interleaved 8-bit pixels owned by someone else (an <see cref="Image"/>, a camera
/// buffer, native memory). Cropping makes a narrower window, never a copy. Valid as long as the span is.
/// </summary>
public readonly ref struct ImageView
{
    public ImageView(ReadOnlySpan<byte> pixels, int width, int height, PixelLayout layout, int stride = 0)
    {
        Stride = ImageGeometry.Validate(width, height, layout, stride, pixels.Length);
        Pixels = pixels;
        Width = width;
        Height = height;
        Layout = layout;
    }

    /// <summary>Starts at the top-left pixel; rows are <see cref="Stride"/> bytes apart.</summary>
    public ReadOnlySpan<byte> Pixels { get; }

    public int Width { get; }

    public int Height { get; }

    public PixelLayout Layout { get; }

    public int Channels => (int)Layout;

    /// <summary>Bytes from one row to the next (at least <c>Width * Channels</c>).</summary>
    public int Stride { get; }

    /// <summary>The <c>Width * Channels</c> bytes of row <paramref name="y"/>.</summary>
    public ReadOnlySpan<byte> Row(int y)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)y, (uint)Height, nameof(y));
        return Pixels.Slice(y * Stride, Width * Channels);
    }

    /// <summary>The pixels inside <paramref name="rect"/>, sharing this view's memory.</summary>
    public ImageView Crop(PixelRect rect)
    {
        rect.ValidateInside(Width, Height, nameof(rect));
        var start = rect.Y * Stride + rect.X * Channels;
        var length = (rect.Height - 1) * Stride + rect.Width * Channels;
        return new ImageView(Pixels.Slice(start, length), rect.Width, rect.Height, Layout, Stride);
    }

    /// <summary>A tightly packed copy.</summary>
    public Image ToImage()
    {
        var image = new Image(Width, Height, Layout);
        for (var y = 0; y < Height; y++)
        {
            Row(y).CopyTo(image.Row(y));
        }
        return image;
    }
}
