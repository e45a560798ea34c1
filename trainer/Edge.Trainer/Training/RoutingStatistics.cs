using System.Globalization;

namespace Edge.Trainer.Training;

/// <summary>
/// Whether routing follows content (METHOD.md section 2: fine codes for rich regions, coarse ones for plain): the share
/// of each level among the plainest quarter of coarsest cells and among the richest quarter, ranked by the Haar context
/// richness the budget loss prices them by. Level 0 is the finest.
/// </summary>
public sealed record RoutingStatistics(IReadOnlyList<double> PlainShares, IReadOnlyList<double> RichShares, int Cells)
{
    /// <param name="entropies">Context richness per cell.</param>
    /// <param name="levels">The routing level each cell chose, in the same order.</param>
    public static RoutingStatistics Compute(IReadOnlyList<float> entropies, IReadOnlyList<long> levels, int levelCount)
    {
        ArgumentNullException.ThrowIfNull(entropies);
        ArgumentNullException.ThrowIfNull(levels);
        if (entropies.Count != levels.Count)
        {
            throw new ArgumentException($"{entropies.Count} richness values for {levels.Count} routing choices.");
        }
        var order = Enumerable.Range(0, entropies.Count).OrderBy(i => entropies[i]).ThenBy(i => i).ToArray();
        var quarter = Math.Max(1, order.Length / 4);
        return new RoutingStatistics(
            Shares(order.Take(quarter), levels, levelCount),
            Shares(order.Skip(order.Length - quarter), levels, levelCount),
            entropies.Count);
    }

    /// <summary>"plain cells 0.10/0.30/0.60, rich cells 0.70/0.20/0.10 (levels fine to coarse)".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"routing: plainest quarter of cells {Join(PlainShares)}, richest quarter {Join(RichShares)} (share of each level, finest first, {Cells} cells)");

    private static string Join(IReadOnlyList<double> shares) => string.Join('/', shares.Select(s => s.ToString("F2", CultureInfo.InvariantCulture)));

    private static double[] Shares(IEnumerable<int> cells, IReadOnlyList<long> levels, int levelCount)
    {
        var counts = new double[levelCount];
        var n = 0;
        foreach (var cell in cells)
        {
            counts[levels[cell]]++;
            n++;
        }
        return counts.Select(c => n == 0 ? 0 : c / n).ToArray();
    }
}
