using Edge.Agent.Cameras.Frames;

namespace Edge.Agent.Cameras.Health;

/// <summary>
/// Cheap image measures for camera health, over the luma of a grid of sample pixels.
/// </summary>
/// <param name="MeanLuma">Mean brightness, 0 to 255.</param>
/// <param name="LumaVariance">Variance of brightness: near 0 for a uniform (covered, black) picture.</param>
/// <param name="LaplacianVariance">
/// Variance of the 4-neighbour Laplacian (4·centre − up − down − left − right), a focus measure: blur
/// removes the fine detail it responds to.
/// </param>
/// <param name="Samples">Pixels sampled for the mean and variance.</param>
public readonly record struct FrameStatistics(double MeanLuma, double LumaVariance, double LaplacianVariance, int Samples)
{
    /// <summary>
    /// Measures <paramref name="frame"/>, sampling every <paramref name="step"/>-th pixel of every
    /// <paramref name="step"/>-th row (1 = every pixel). The Laplacian at a sample always uses its
    /// immediate neighbours, so subsampling thins the measure without changing its scale.
    /// </summary>
    public static FrameStatistics Measure(CameraFrame frame, int step = 1)
    {
        ArgumentNullException.ThrowIfNull(frame);
        return Measure(frame.Pixels, frame.Geometry, step);
    }

    public static FrameStatistics Measure(ReadOnlySpan<byte> pixels, FrameGeometry geometry, int step = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(step, 1);
        if (pixels.Length < geometry.FrameBytes)
        {
            throw new ArgumentException($"{pixels.Length} bytes cannot hold a {geometry} frame.", nameof(pixels));
        }
        var width = geometry.Width;
        var height = geometry.Height;
        var bpp = geometry.BytesPerPixel;
        long sum = 0, sumOfSquares = 0, count = 0;
        long laplacianSum = 0, laplacianSquares = 0, laplacianCount = 0;
        for (var y = 0; y < height; y += step)
        {
            var interiorRow = y > 0 && y < height - 1;
            for (var x = 0; x < width; x += step)
            {
                var centre = Luma(pixels, (y * width + x) * bpp, bpp);
                sum += centre;
                sumOfSquares += centre * centre;
                count++;
                if (interiorRow && x > 0 && x < width - 1)
                {
                    var laplacian = 4 * centre
                        - Luma(pixels, ((y - 1) * width + x) * bpp, bpp)
                        - Luma(pixels, ((y + 1) * width + x) * bpp, bpp)
                        - Luma(pixels, (y * width + x - 1) * bpp, bpp)
                        - Luma(pixels, (y * width + x + 1) * bpp, bpp);
                    laplacianSum += laplacian;
                    laplacianSquares += laplacian * laplacian;
                    laplacianCount++;
                }
            }
        }
        return new FrameStatistics(
            (double)sum / count,
            Variance(sum, sumOfSquares, count),
            laplacianCount == 0 ? 0 : Variance(laplacianSum, laplacianSquares, laplacianCount),
            (int)count);
    }

    // Integer BT.601 weights (77, 150, 29)/256: a grey pixel (v, v, v) has luma exactly v.
    private static int Luma(ReadOnlySpan<byte> pixels, int offset, int bytesPerPixel) => bytesPerPixel == 1
        ? pixels[offset]
        : (77 * pixels[offset] + 150 * pixels[offset + 1] + 29 * pixels[offset + 2]) >> 8;

    private static double Variance(long sum, long sumOfSquares, long count)
    {
        var mean = (double)sum / count;
        return Math.Max(0, ((double)sumOfSquares / count) - (mean * mean));
    }
}
