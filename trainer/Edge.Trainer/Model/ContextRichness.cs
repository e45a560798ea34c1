namespace Edge.Trainer.Model;

/// <summary>
/// How much is going on in each coarsest-cell patch (METHOD.md section 2's budget loss): the normalized entropy of the
/// patch's one-level Haar detail coefficients (LH, HL, HH of the grey image), as the entropy of their values'
/// histogram. A flat patch puts every coefficient in one bin (entropy 0); a richly textured one spreads them over many
/// (entropy towards 1). The entropy of the coefficients' energy shares was the first reading: it measures how evenly
/// energy spreads, not how much there is, so sensor noise on a flat patch scored as rich as texture, real photographs
/// all fell between 0.6 and 0.86 and the budget priced every cell alike.
/// </summary>
public static class ContextRichness
{
    /// <summary>
    /// One histogram bin of detail coefficients: a grey level of 8-bit data, the finest step training images carry, so
    /// sensor noise of a level or two stays in a few bins while real structure spreads over many.
    /// </summary>
    public const double BinWidth = 1.0 / 255;

    /// <summary>Entropy per cell, row-major, for one planar CHW image of side <paramref name="size"/> on [0, 1].</summary>
    public static float[] Compute(ReadOnlySpan<float> image, int channels, int size, int grid)
    {
        var patch = size / grid;
        if (patch < 2 || patch % 2 != 0)
        {
            throw new ArgumentException($"A {size}px image on a {grid}x{grid} grid gives {patch}px patches; the Haar transform needs an even size of at least 2.");
        }
        var plane = size * size;
        var entropies = new float[grid * grid];
        var bins = new int[3 * (patch / 2) * (patch / 2)];
        for (var gy = 0; gy < grid; gy++)
        {
            for (var gx = 0; gx < grid; gx++)
            {
                var n = 0;
                for (var y = 0; y < patch; y += 2)
                {
                    for (var x = 0; x < patch; x += 2)
                    {
                        int px = gx * patch + x, py = gy * patch + y;
                        double a = Grey(image, channels, plane, (py * size) + px);
                        double b = Grey(image, channels, plane, (py * size) + px + 1);
                        double c2 = Grey(image, channels, plane, ((py + 1) * size) + px);
                        double d = Grey(image, channels, plane, ((py + 1) * size) + px + 1);
                        bins[n++] = Bin((a - b + c2 - d) / 2);
                        bins[n++] = Bin((a + b - c2 - d) / 2);
                        bins[n++] = Bin((a - b - c2 + d) / 2);
                    }
                }
                entropies[gy * grid + gx] = (float)HistogramEntropy(bins.AsSpan(0, n));
            }
        }
        return entropies;
    }

    private static int Bin(double coefficient) => (int)Math.Round(coefficient / BinWidth, MidpointRounding.AwayFromZero);

    /// <summary>
    /// The entropy of the values' histogram over ln(count): 0 when every coefficient falls in one bin (a flat patch,
    /// whatever its brightness), 1 when each has a bin of its own. Sorts <paramref name="bins"/>.
    /// </summary>
    private static double HistogramEntropy(Span<int> bins)
    {
        bins.Sort();
        var entropy = 0.0;
        var run = 1;
        for (var i = 1; i <= bins.Length; i++)
        {
            if (i < bins.Length && bins[i] == bins[i - 1])
            {
                run++;
                continue;
            }
            var p = (double)run / bins.Length;
            entropy -= p * Math.Log(p);
            run = 1;
        }
        return entropy / Math.Log(bins.Length);
    }

    private static double Grey(ReadOnlySpan<float> image, int channels, int plane, int offset)
    {
        var sum = 0.0;
        for (var c = 0; c < channels; c++)
        {
            sum += image[(c * plane) + offset];
        }
        return sum / channels;
    }

    /// <summary>
    /// Budget cost per cell and level, [cells * levels]: base 1/H (floored) times alpha per step towards the finest level
    /// (level 0), scaled into (0, 1] by the most expensive possible cost.
    /// </summary>
    public static float[] Costs(ReadOnlySpan<float> entropies, int levels, float alpha, float minEntropy = 0.05f)
    {
        var costs = new float[entropies.Length * levels];
        var ceiling = Math.Pow(alpha, levels - 1) / minEntropy;
        for (var cell = 0; cell < entropies.Length; cell++)
        {
            var baseCost = 1.0 / Math.Max(entropies[cell], minEntropy);
            for (var level = 0; level < levels; level++)
            {
                costs[cell * levels + level] = (float)(baseCost * Math.Pow(alpha, levels - 1 - level) / ceiling);
            }
        }
        return costs;
    }
}
