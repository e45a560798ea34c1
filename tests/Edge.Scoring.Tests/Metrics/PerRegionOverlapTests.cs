using Edge.Scoring.Metrics;

namespace Edge.Scoring.Tests.Metrics;

public sealed class PerRegionOverlapTests
{
    [Fact]
    public void Diagonal_neighbours_join_one_region_under_8_connectivity()
    {
        // 4 x 3:  1 0 0 1 / 0 1 0 0 / 0 0 0 0: the diagonal pair is one region, the top-right pixel another.
        bool[] mask = [true, false, false, true, false, true, false, false, false, false, false, false];
        var labels = new int[mask.Length];

        var regions = ConnectedRegions.Label(mask, 4, 3, labels);

        Assert.Equal(2, regions);
        Assert.Equal([1, 0, 0, 2, 0, 1, 0, 0, 0, 0, 0, 0], labels);
    }

    [Fact]
    public void One_region_worked_by_hand_gives_three_quarters_up_to_fpr_1_and_one_half_up_to_0_3()
    {
        // 4 x 1: region = pixels 0 and 1 (scores 0.9, 0.5), normal pixels 0.7 and 0.1. From the top: 0.9 covers half
        // the region at FPR 0; 0.7 takes FPR to 0.5; 0.5 covers the region; 0.1 takes FPR to 1. The curve is
        // (0, 0) (0, 0.5) (0.5, 0.5) (0.5, 1) (1, 1): area 0.5 x 0.5 + 0.5 x 1 = 0.75; up to 0.3 it is 0.3 x 0.5 = 0.15,
        // normalized 0.15 / 0.3 = 0.5.
        float[][] maps = [[0.9f, 0.5f, 0.7f, 0.1f]];
        bool[][] masks = [[true, true, false, false]];

        Assert.Equal(0.75, PerRegionOverlap.NormalizedArea(maps, masks, 4, 1, falsePositiveLimit: 1)!.Value, 12);
        Assert.Equal(0.5, PerRegionOverlap.NormalizedArea(maps, masks, 4, 1)!.Value, 12);
    }

    [Fact]
    public void Regions_count_equally_whatever_their_area_and_normal_images_add_normal_pixels()
    {
        // Image 1, 4 x 3 as above: region A (2 pixels) at 0.9 and 0.4, region B (1 pixel) at 0.8, normal pixels one at
        // 0.6 and the rest 0.1. Image 2 is all normal at 0.1, so there are 9 + 12 = 21 normal pixels.
        // 0.9: PRO (1/2) / 2 = 0.25; 0.8: B whole, PRO 0.75; 0.6: FPR 1/21; 0.4: PRO 1; then FPR 1.
        // Up to 0.3: 0.75 x 1/21 + 1 x (0.3 - 1/21), normalized by 0.3.
        var (maps, masks) = TwoRegionsBesideANormalImage();

        var area = PerRegionOverlap.NormalizedArea(maps, masks, 4, 3);

        Assert.Equal((0.75 / 21 + (0.3 - 1.0 / 21)) / 0.3, area!.Value, 12);
    }

    [Fact]
    public void A_perfect_map_scores_one_and_there_is_no_figure_without_a_region()
    {
        float[][] maps = [[0.9f, 0.1f, 0.2f]];

        Assert.Equal(1.0, PerRegionOverlap.NormalizedArea(maps, [[true, false, false]], 3, 1)!.Value, 12);
        Assert.Null(PerRegionOverlap.NormalizedArea(maps, [[false, false, false]], 3, 1));
    }

    [Fact]
    public void Images_of_their_own_sizes_count_as_the_same_pixels_laid_out_in_one_size()
    {
        // The second test's image 1 (4 x 3) beside a normal image of 2 x 6 instead of 4 x 3: the same regions and
        // the same 21 normal pixels, so the same area; a size that does not hold its image's values is refused.
        var (maps, masks) = TwoRegionsBesideANormalImage();

        var area = PerRegionOverlap.NormalizedArea(maps, masks, [(4, 3), (2, 6)]);

        Assert.Equal((0.75 / 21 + (0.3 - 1.0 / 21)) / 0.3, area!.Value, 12);
        Assert.Throws<ArgumentException>(() => PerRegionOverlap.NormalizedArea(maps, masks, [(4, 3), (3, 3)]));
    }

    /// <summary>
    /// Image 1, 4 x 3: region A (pixels 0 and 5) at 0.9 and 0.4, region B (pixel 3) at 0.8, normal pixels one at 0.6
    /// and the rest 0.1; image 2, twelve normal pixels at 0.1.
    /// </summary>
    private static (float[][] Maps, bool[][] Masks) TwoRegionsBesideANormalImage() =>
    (
        [
            [0.9f, 0.1f, 0.1f, 0.8f, 0.6f, 0.4f, 0.1f, 0.1f, 0.1f, 0.1f, 0.1f, 0.1f],
            Enumerable.Repeat(0.1f, 12).ToArray(),
        ],
        [
            [true, false, false, true, false, true, false, false, false, false, false, false],
            new bool[12],
        ]
    );
}
