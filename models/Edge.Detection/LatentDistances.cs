namespace Edge.Detection;

/// <summary>
/// Squared distances between one cell of a latent grid (NCHW, batch 1: channel c of cell i at <c>c * cells + i</c>)
/// and code vectors, in double precision: the reference the two runtimes' float32 nearest-code searches are judged by.
/// </summary>
public static class LatentDistances
{
    /// <summary>||z_cell - code||^2, where <paramref name="code"/> is laid out like the grid (one value per channel, <paramref name="cells"/> apart).</summary>
    public static double ToGridVector(ReadOnlySpan<float> grid, ReadOnlySpan<float> code, int cells, int cell)
    {
        var sum = 0.0;
        for (var c = cell; c < grid.Length; c += cells)
        {
            var d = (double)grid[c] - code[c];
            sum += d * d;
        }
        return sum;
    }

    /// <summary>
    /// The nearest and the second nearest squared distance of a cell among <paramref name="codes"/> (row-major, one
    /// code of <paramref name="dim"/> values per row). A code equal to the nearest one (a duplicated code) is no
    /// second: either gives the same quantized vector. With a single distinct code the second is infinity.
    /// </summary>
    public static (double Nearest, double Second) NearestTwo(ReadOnlySpan<float> grid, int cells, int cell, ReadOnlySpan<float> codes, int dim)
    {
        double nearest = double.PositiveInfinity, second = double.PositiveInfinity;
        var nearestCode = -1;
        for (var k = 0; k * dim < codes.Length; k++)
        {
            var sum = 0.0;
            for (var c = 0; c < dim; c++)
            {
                var d = (double)grid[c * cells + cell] - codes[k * dim + c];
                sum += d * d;
            }
            if (sum < nearest)
            {
                (nearest, second, nearestCode) = (sum, nearest, k);
            }
            else if (sum == nearest && codes.Slice(k * dim, dim).SequenceEqual(codes.Slice(nearestCode * dim, dim)))
            {
                continue;
            }
            else if (sum < second)
            {
                second = sum;
            }
        }
        return (nearest, second);
    }

    /// <summary>True when the two nearest codes are a near-tie: within <see cref="Float32Parity"/>'s tolerance of each other, so either runtime may pick either.</summary>
    public static bool IsNearTie(double nearest, double second, double tolerance) => Float32Parity.Close(second, nearest, tolerance);
}
