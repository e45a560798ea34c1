namespace Edge.Imaging.Tests.Preprocessing;

/// <summary>
/// The plain textbook bilinear, one output sample at a time in double precision, written independently of the
/// library's separable code: half-pixel centres, clamped at the borders.
/// </summary>
internal static class ReferenceBilinear
{
    /// <summary>Output [y, x, c] of resizing <paramref name="source"/> to <paramref name="width"/> x <paramref name="height"/>.</summary>
    public static double[,,] Resize(Image source, int width, int height)
    {
        var output = new double[height, width, source.Channels];
        for (var y = 0; y < height; y++)
        {
            var (y0, y1, fy) = Taps(y, height, source.Height);
            for (var x = 0; x < width; x++)
            {
                var (x0, x1, fx) = Taps(x, width, source.Width);
                for (var c = 0; c < source.Channels; c++)
                {
                    double At(int sx, int sy) => source.Pixels[sy * source.Stride + sx * source.Channels + c];
                    output[y, x, c] = (1 - fy) * ((1 - fx) * At(x0, y0) + fx * At(x1, y0)) + fy * ((1 - fx) * At(x0, y1) + fx * At(x1, y1));
                }
            }
        }
        return output;
    }

    private static (int First, int Second, double Fraction) Taps(int output, int outputLength, int sourceLength)
    {
        var position = Math.Max((output + 0.5) * sourceLength / outputLength - 0.5, 0);
        var first = Math.Min((int)Math.Floor(position), sourceLength - 1);
        var second = Math.Min(first + 1, sourceLength - 1);
        return (first, second, first == second ? 0 : position - first);
    }
}
