namespace Edge.Imaging;

/// <summary>Converts between pixel layouts into a caller's image (no allocation).</summary>
public static class ColorConversion
{
    /// <summary>
    /// Writes <paramref name="source"/> into <paramref name="destination"/> (same size, any layouts; the two must not
    /// share memory). Gray from color uses BT.601 luma; color from gray repeats the gray value; alpha is dropped
    /// when the destination has none (no compositing) and set to 255 when the source has none.
    /// </summary>
    public static void Convert(ImageView source, Image destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        if (source.Width != destination.Width || source.Height != destination.Height)
        {
            throw new ArgumentException(
                $"The destination is {destination.Width}x{destination.Height}; the source is {source.Width}x{source.Height}.", nameof(destination));
        }
        for (var y = 0; y < source.Height; y++)
        {
            ConvertRow(source.Row(y), source.Layout, destination.Row(y), destination.Layout);
        }
    }

    private static void ConvertRow(ReadOnlySpan<byte> from, PixelLayout fromLayout, Span<byte> to, PixelLayout toLayout)
    {
        if (fromLayout == toLayout)
        {
            from.CopyTo(to);
            return;
        }
        int inChannels = (int)fromLayout, outChannels = (int)toLayout;
        var fromColor = fromLayout >= PixelLayout.Rgb;
        var fromAlpha = fromLayout is PixelLayout.GrayAlpha or PixelLayout.Rgba;
        var width = from.Length / inChannels;
        for (var x = 0; x < width; x++)
        {
            var pixel = from.Slice(x * inChannels, inChannels);
            byte r = pixel[0], g = fromColor ? pixel[1] : r, b = fromColor ? pixel[2] : r;
            var alpha = fromAlpha ? pixel[inChannels - 1] : byte.MaxValue;
            var output = to.Slice(x * outChannels, outChannels);
            switch (toLayout)
            {
                case PixelLayout.Gray:
                    output[0] = fromColor ? Luma.FromRgb(r, g, b) : r;
                    break;
                case PixelLayout.GrayAlpha:
                    output[0] = fromColor ? Luma.FromRgb(r, g, b) : r;
                    output[1] = alpha;
                    break;
                default:
                    output[0] = r;
                    output[1] = g;
                    output[2] = b;
                    if (toLayout == PixelLayout.Rgba)
                    {
                        output[3] = alpha;
                    }
                    break;
            }
        }
    }
}
