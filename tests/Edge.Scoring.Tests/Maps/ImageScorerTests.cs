using Edge.Scoring.Maps;

namespace Edge.Scoring.Tests.Maps;

public sealed class ImageScorerTests
{
    [Fact]
    public void A_hot_pixel_outside_the_region_is_masked_before_smoothing_so_nothing_of_it_reaches_the_region()
    {
        // 8 x 1 map, region = the left half, one hot pixel just outside it at x = 4.
        var map = new float[8];
        map[4] = 100f;
        bool[] inside = [true, true, true, true, false, false, false, false];

        var score = new ImageScorer(8, 1, smoothingSigma: 1f, quantile: null).Score(map, inside);

        Assert.Equal(0f, score);
        Assert.All(map, v => Assert.Equal(0f, v));
    }

    [Fact]
    public void Smoothing_before_masking_would_have_let_the_hot_pixel_in_as_the_gaussian_weight_of_its_distance()
    {
        // The same hot pixel with the region covering everything: smoothing spreads it, and x = 3 receives
        // 100 * g(1) / sum(g), the weight a pixel one step away gets from sigma 1 (radius 4).
        var map = new float[8];
        map[4] = 100f;
        var g = Enumerable.Range(-4, 9).Select(i => Math.Exp(-0.5 * i * i)).ToArray();

        new ImageScorer(8, 1, smoothingSigma: 1f, quantile: null).Score(map, []);

        Assert.Equal(100 * g[3] / g.Sum(), map[3], 3);
    }

    [Fact]
    public void Inside_a_region_the_quantile_rule_stays_the_quantile_of_the_inside_pixels_not_their_maximum()
    {
        // 4 x 2 map, no smoothing; the region holds 1, 2, 3, 4 and 9; outside, 50, 60, 70 never count.
        float[] map = [1f, 2f, 50f, 60f, 3f, 4f, 9f, 70f];
        bool[] inside = [true, true, false, false, true, true, true, false];

        var median = new ImageScorer(4, 2, smoothingSigma: 0f, quantile: 0.5).Score(map.ToArray(), inside);
        var p75 = new ImageScorer(4, 2, smoothingSigma: 0f, quantile: 0.75).Score(map.ToArray(), inside);
        var max = new ImageScorer(4, 2, smoothingSigma: 0f, quantile: null).Score(map.ToArray(), inside);

        Assert.Equal(3f, median);
        Assert.Equal(4f, p75);
        Assert.Equal(9f, max);
    }

    [Fact]
    public void Without_a_region_every_pixel_counts_and_a_region_missing_the_map_scores_zero()
    {
        float[] map = [1f, 2f, 50f, 60f, 3f, 4f, 9f, 70f];

        Assert.Equal(70f, new ImageScorer(4, 2, 0f, null).Score(map.ToArray(), []));
        // numpy's linear quantile of the 8 values at 0.5: between 4 and 9.
        Assert.Equal(6.5f, new ImageScorer(4, 2, 0f, 0.5).Score(map.ToArray(), []));
        Assert.Equal(0f, new ImageScorer(4, 2, 0f, 0.5).Score(map.ToArray(), new bool[8]));
    }
}
