namespace Edge.Detection;

/// <summary>The small per-cell operations between graphs: argmax over levels, one-hot routing maps, nearest upsampling.</summary>
public static class RoutingMaps
{
    /// <summary>Per cell, the level with the largest logit; <paramref name="logits"/> is [levels, cells] (one image, NCHW).</summary>
    public static void ArgMaxOverLevels(ReadOnlySpan<float> logits, int levels, Span<long> levelsOut)
    {
        var cells = levelsOut.Length;
        for (var i = 0; i < cells; i++)
        {
            var best = 0;
            for (var l = 1; l < levels; l++)
            {
                if (logits[l * cells + i] > logits[best * cells + i])
                {
                    best = l;
                }
            }
            levelsOut[i] = best;
        }
    }

    /// <summary>Per token, the level the prior finds likeliest; <paramref name="probabilities"/> is [tokens, levels].</summary>
    public static void ArgMaxPerToken(ReadOnlySpan<float> probabilities, int levels, Span<long> levelsOut)
    {
        for (var i = 0; i < levelsOut.Length; i++)
        {
            var row = probabilities.Slice(i * levels, levels);
            var best = 0;
            for (var l = 1; l < levels; l++)
            {
                if (row[l] > row[best])
                {
                    best = l;
                }
            }
            levelsOut[i] = best;
        }
    }

    /// <summary>Writes the one-hot routing map [levels, cells] for the chosen levels.</summary>
    public static void OneHot(ReadOnlySpan<long> chosen, int levels, Span<float> routing)
    {
        var cells = chosen.Length;
        routing[..(levels * cells)].Clear();
        for (var i = 0; i < cells; i++)
        {
            routing[(int)chosen[i] * cells + i] = 1f;
        }
    }

    /// <summary>
    /// The alignment map on the finest grid: each finest cell takes the nearest-code distance of the level its coarsest
    /// cell routes to, from that level's (coarser) grid.
    /// </summary>
    public static void RoutedAlignment(
        ReadOnlySpan<long> chosen, int routingGrid, IReadOnlyList<float[]> distances, IReadOnlyList<int> levelGrids, Span<float> alignment)
    {
        var finestGrid = levelGrids[0];
        for (var y = 0; y < finestGrid; y++)
        {
            for (var x = 0; x < finestGrid; x++)
            {
                var level = (int)chosen[y * routingGrid / finestGrid * routingGrid + x * routingGrid / finestGrid];
                var grid = levelGrids[level];
                alignment[y * finestGrid + x] = distances[level][y * grid / finestGrid * grid + x * grid / finestGrid];
            }
        }
    }
}
