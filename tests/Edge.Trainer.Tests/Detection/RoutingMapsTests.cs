using Edge.Detection;

namespace Edge.Trainer.Tests.Detection;

public sealed class RoutingMapsTests
{
    [Fact]
    public void Each_cell_takes_the_level_with_the_largest_logit_and_ties_go_to_the_finer_level()
    {
        // Three levels x four cells, channel-major as the encoder writes them.
        float[] logits = [5, 0, 1, 2, /**/ 1, 3, 1, 2, /**/ 0, 1, 4, 0];
        var chosen = new long[4];

        RoutingMaps.ArgMaxOverLevels(logits, 3, chosen);

        Assert.Equal([0L, 1, 2, 0], chosen);
    }

    [Fact]
    public void One_hot_routing_marks_exactly_the_chosen_level_of_every_cell()
    {
        var routing = Enumerable.Repeat(9f, 12).ToArray();

        RoutingMaps.OneHot([2, 0, 1, 2], 3, routing);

        Assert.Equal([0f, 1, 0, 0, /**/ 0, 0, 1, 0, /**/ 1, 0, 0, 1], routing);
    }

    [Fact]
    public void The_prior_choice_is_the_most_probable_level_of_each_token()
    {
        var chosen = new long[2];

        RoutingMaps.ArgMaxPerToken([0.2f, 0.5f, 0.3f, 0.7f, 0.1f, 0.2f], 3, chosen);

        Assert.Equal([1L, 0], chosen);
    }

    [Fact]
    public void The_routed_alignment_map_reads_each_finest_cell_from_its_routed_levels_grid()
    {
        // Finest grid 4x4, level 1 grid 2x2, routing grid 2x2: left column routed to level 0, right to level 1.
        var level0 = Enumerable.Range(0, 16).Select(i => (float)i).ToArray();
        float[] level1 = [100, 101, 102, 103];
        var alignment = new float[16];

        RoutingMaps.RoutedAlignment([0, 1, 0, 1], 2, [level0, level1], [4, 2], alignment);

        Assert.Equal(
            [0f, 1, 101, 101, /**/ 4, 5, 101, 101, /**/ 8, 9, 103, 103, /**/ 12, 13, 103, 103],
            alignment);
    }
}
