namespace Edge.Trainer.Model;

/// <summary>
/// How much is going on in each coarsest-cell patch (METHOD.md section 2's budget loss): the normalized entropy of the
/// patch's one-level Haar detail coefficients (LH, HL, HH of the grey image). A flat patch has no detail energy
/// (entropy 0); a richly textured one spreads its energy over many coefficients (entropy near 1).
/// </summary>
public static class ContextRichness
{
    private const double Silence = 1e-12;

    /// <summary>Entropy per cell, row-major, for one planar CHW image of side <paramref name="size"/>.</summary>
    public static float[] Compute(ReadOnlySpan<float> image, int channels, int size, int grid)
    {
        var patch = size / grid;
        if (patch < 2 || patch % 2 != 0)
        {
            throw new ArgumentException($"A {size}px image on a {grid}x{grid} grid gives {patch}px patches; the Haar transform needs an even size of at least 2.");
        }
        var plane = size * size;
        var entropies = new float[grid * grid];
        var energies = new double[3 * (patch / 2) * (patch / 2)];
        for (var gy = 0; gy < grid; gy++)
        {
            for (var gx = 0; gx < grid; gx++)
            {
                var n = 0;
                var total = 0.0;
                for (var y = 0; y < patch; y += 2)
                {
                    for (var x = 0; x < patch; x += 2)
                    {
                        int px = gx * patch + x, py = gy * patch + y;
                        double a = Grey(image, channels, plane, (py * size) + px);
                        double b = Grey(image, channels, plane, (py * size) + px + 1);
                        double c2 = Grey(image, channels, plane, ((py + 1) * size) + px);
                        double d = Grey(image, channels, plane, ((py + 1) * size) + px + 1);
                        var lh = (a - b + c2 - d) / 2;
                        var hl = (a + b - c2 - d) / 2;
                        var hh = (a - b - c2 + d) / 2;
                        energies[n++] = lh * lh;
                        energies[n++] = hl * hl;
                        energies[n++] = hh * hh;
                        total += lh * lh + hl * hl + hh * hh;
                    }
                }
                var entropy = 0.0;
                if (total > Silence)
                {
                    foreach (var e in energies.AsSpan(0, n))
                    {
                        if (e > 0)
                        {
                            var p = e / total;
                            entropy -= p * Math.Log(p);
                        }
                    }
                    entropy /= Math.Log(n);
                }
                entropies[gy * grid + gx] = (float)entropy;
            }
        }
        return entropies;
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
