using Edge.Trainer.Training;

namespace Edge.Trainer.Tests.Training;

public sealed class RoutingStatisticsTests
{
    [Fact]
    public void Routing_shares_are_counted_over_the_plainest_and_the_richest_quarter_of_cells()
    {
        // Eight cells: the two plainest (0.0, 0.1) chose levels 2 and 2, the two richest (0.8, 0.9) levels 0 and 1.
        float[] richness = [0.5f, 0.0f, 0.9f, 0.3f, 0.1f, 0.8f, 0.4f, 0.6f];
        long[] levels = [1, 2, 0, 1, 2, 1, 0, 0];

        var statistics = RoutingStatistics.Compute(richness, levels, 3);

        Assert.Equal([0.0, 0.0, 1.0], statistics.PlainShares);
        Assert.Equal([0.5, 0.5, 0.0], statistics.RichShares);
        Assert.Equal("routing: plainest quarter of cells 0.00/0.00/1.00, richest quarter 0.50/0.50/0.00 (share of each level, finest first, 8 cells)", statistics.ToString());
    }
}
