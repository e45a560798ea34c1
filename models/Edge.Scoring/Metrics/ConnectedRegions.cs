namespace Edge.Scoring.Metrics;

/// <summary>Connected regions of a binary mask under 8-connectivity (diagonal neighbours join), as MVTec AD's ground truth is read.</summary>
public static class ConnectedRegions
{
    /// <summary>
    /// Writes each pixel's region into <paramref name="labels"/> (0 = outside the mask, 1..n in row-major order of
    /// each region's first pixel) and returns n.
    /// </summary>
    public static int Label(ReadOnlySpan<bool> mask, int width, int height, Span<int> labels)
    {
        if (width <= 0 || height <= 0 || mask.Length != width * height || labels.Length != mask.Length)
        {
            throw new ArgumentException($"A {width}x{height} mask needs {width * height} values and labels (got {mask.Length} and {labels.Length}).");
        }
        labels.Clear();
        var regions = 0;
        var stack = new Stack<int>();
        for (var start = 0; start < mask.Length; start++)
        {
            if (!mask[start] || labels[start] != 0)
            {
                continue;
            }
            regions++;
            labels[start] = regions;
            stack.Push(start);
            while (stack.TryPop(out var p))
            {
                int y = p / width, x = p % width;
                for (var ny = Math.Max(0, y - 1); ny <= Math.Min(height - 1, y + 1); ny++)
                {
                    for (var nx = Math.Max(0, x - 1); nx <= Math.Min(width - 1, x + 1); nx++)
                    {
                        var q = ny * width + nx;
                        if (mask[q] && labels[q] == 0)
                        {
                            labels[q] = regions;
                            stack.Push(q);
                        }
                    }
                }
            }
        }
        return regions;
    }
}
