namespace Edge.Agent.Cameras.Sources.V4l2;

/// <summary>
/// Converts packed YUV 4:2:2 (YUYV: Y0 U Y1 V per pixel pair) to RGB24 or GRAY8, with the BT.601
/// limited-range equations in 8.8 fixed point (the colour matrix of standard-definition and most USB
/// cameras). Both pixels of a pair share the pair's chroma.
/// </summary>
public static class YuyvConverter
{
    /// <param name="yuyv">The source picture; <paramref name="bytesPerLine"/> apart, at least 2 × width bytes per row.</param>
    /// <param name="bytesPerLine">Source row stride (a driver may pad rows).</param>
    /// <param name="width">Width in pixels.</param>
    /// <param name="height">Height in rows.</param>
    /// <param name="rgb">Destination, 3 × width × height bytes, rows packed.</param>
    public static void ToRgb24(ReadOnlySpan<byte> yuyv, int bytesPerLine, int width, int height, Span<byte> rgb)
    {
        CheckSizes(yuyv.Length, bytesPerLine, width, height, rgb.Length, 3);
        for (var row = 0; row < height; row++)
        {
            var source = yuyv.Slice(row * bytesPerLine, 2 * width);
            var target = rgb.Slice(row * width * 3, width * 3);
            for (var x = 0; x + 1 < width; x += 2)
            {
                var pair = source.Slice(2 * x, 4);
                var d = pair[1] - 128;
                var e = pair[3] - 128;
                // Chroma terms, shared by both pixels of the pair.
                var red = (409 * e) + 128;
                var green = (-100 * d) - (208 * e) + 128;
                var blue = (516 * d) + 128;
                WritePixel(target.Slice(3 * x, 3), 298 * (pair[0] - 16), red, green, blue);
                WritePixel(target.Slice(3 * (x + 1), 3), 298 * (pair[2] - 16), red, green, blue);
            }
            if ((width & 1) != 0)
            {
                var x = width - 1;
                var pair = source.Slice(2 * x, 2);
                // An odd last pixel has Y and U only: its chroma is taken as neutral in V.
                var d = pair[1] - 128;
                WritePixel(target.Slice(3 * x, 3), 298 * (pair[0] - 16), 128, (-100 * d) + 128, (516 * d) + 128);
            }
        }
    }

    /// <summary>Luma only, stretched from the limited range (16–235) to 0–255 like the RGB conversion of a grey pixel.</summary>
    public static void ToGray8(ReadOnlySpan<byte> yuyv, int bytesPerLine, int width, int height, Span<byte> gray)
    {
        CheckSizes(yuyv.Length, bytesPerLine, width, height, gray.Length, 1);
        for (var row = 0; row < height; row++)
        {
            var source = yuyv.Slice(row * bytesPerLine, 2 * width);
            var target = gray.Slice(row * width, width);
            for (var x = 0; x < width; x++)
            {
                target[x] = Clamp(((298 * (source[2 * x] - 16)) + 128) >> 8);
            }
        }
    }

    private static void WritePixel(Span<byte> pixel, int luma, int red, int green, int blue)
    {
        pixel[0] = Clamp((luma + red) >> 8);
        pixel[1] = Clamp((luma + green) >> 8);
        pixel[2] = Clamp((luma + blue) >> 8);
    }

    private static byte Clamp(int value) => (byte)Math.Clamp(value, 0, 255);

    private static void CheckSizes(int sourceLength, int bytesPerLine, int width, int height, int targetLength, int bytesPerPixel)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(bytesPerLine, 2 * width);
        var needed = ((height - 1) * bytesPerLine) + (2 * width);
        if (sourceLength < needed)
        {
            throw new ArgumentException($"A {width}x{height} YUYV picture with {bytesPerLine} bytes per line needs {needed} bytes, not {sourceLength}.", nameof(sourceLength));
        }
        if (targetLength < width * height * bytesPerPixel)
        {
            throw new ArgumentException($"The destination holds {targetLength} bytes, not {width * height * bytesPerPixel}.", nameof(targetLength));
        }
    }
}
