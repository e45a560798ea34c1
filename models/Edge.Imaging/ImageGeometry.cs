namespace Edge.Imaging;

/// <summary>Checks shared by every image type: sizes, layout, row stride and buffer length.</summary>
internal static class ImageGeometry
{
    /// <summary>Returns the row stride (in elements) to use, <c>width * channels</c> when <paramref name="stride"/> is 0.</summary>
    public static int Validate(int width, int height, PixelLayout layout, int stride, long bufferLength)
    {
        ValidateSize(width, height, layout);
        var rowLength = (long)width * (int)layout;
        if (stride == 0)
        {
            stride = checked((int)rowLength);
        }
        if (stride < rowLength)
        {
            throw new ArgumentOutOfRangeException(nameof(stride), stride, $"The row stride must be at least width x channels = {rowLength}.");
        }
        var needed = RequiredLength(width, height, layout, stride);
        if (bufferLength < needed)
        {
            throw new ArgumentException($"The pixel buffer holds {bufferLength} elements; a {width}x{height} {layout} image with stride {stride} needs {needed}.");
        }
        return stride;
    }

    public static void ValidateSize(int width, int height, PixelLayout layout)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        if (layout is < PixelLayout.Gray or > PixelLayout.Rgba)
        {
            throw new ArgumentOutOfRangeException(nameof(layout), layout, "Unknown pixel layout.");
        }
    }

    /// <summary>Elements from the first pixel to the last one: the last row needs no padding.</summary>
    public static long RequiredLength(int width, int height, PixelLayout layout, int stride) =>
        ((long)height - 1) * stride + (long)width * (int)layout;

    /// <summary>Length of a tightly packed buffer, or an <see cref="ImagingException"/> when it would not fit in one array.</summary>
    public static int PackedLength(long width, long height, int channels)
    {
        var length = width * height * channels;
        if (width <= 0 || height <= 0 || length > Array.MaxLength)
        {
            throw new ImagingException($"A {width}x{height} image with {channels} channels does not fit in one buffer.");
        }
        return (int)length;
    }
}
