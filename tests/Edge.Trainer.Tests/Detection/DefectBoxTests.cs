using Edge.Detection.Frames;
using Edge.Imaging;

namespace Edge.Trainer.Tests.Detection;

public sealed class DefectBoxTests
{
    private static readonly PixelRect Crop = new(100, 50, 200, 100);

    [Fact]
    public void The_box_of_the_pixels_over_the_threshold_is_in_frame_pixels_inside_the_crop()
    {
        var map = new float[16];
        map[0] = 2f;        // (0, 0)
        map[1 * 4 + 1] = 3f; // (1, 1)
        var roi = new RoiMask([], 640, 480, Crop, 4, 4);

        var box = DefectBox.Find(map, roi, pixelThreshold: 1);

        // Map cells are 50 x 25 frame pixels from the crop's corner; cells (0,0)..(1,1) cover 100 x 50 pixels.
        Assert.Equal(new PixelRect(100, 50, 100, 50), box);
    }

    [Fact]
    public void Pixels_outside_the_roi_never_count_and_with_none_over_the_threshold_the_box_marks_the_highest_one()
    {
        var map = new float[16];
        map[0] = 9f;             // top-left cell: outside the ROI below
        map[3 * 4 + 3] = 0.5f;   // bottom-right cell, inside
        // The ROI polygon covers the right half of the crop (frame x 200..300).
        var polygon = new RoiPolygon([(200, 0), (300, 0), (300, 480), (200, 480)]);
        var roi = new RoiMask([polygon], 640, 480, Crop, 4, 4);

        var box = DefectBox.Find(map, roi, pixelThreshold: 1);

        Assert.False(roi.IsEverything);
        Assert.Equal(8, roi.Inside.ToArray().Count(i => i));
        Assert.Equal(new PixelRect(250, 125, 50, 25), box);
    }

    [Fact]
    public void A_roi_that_misses_the_map_entirely_has_no_pixel_inside_and_no_box()
    {
        var polygon = new RoiPolygon([(600, 400), (640, 400), (640, 480)]);
        var roi = new RoiMask([polygon], 640, 480, Crop, 4, 4);

        var box = DefectBox.Find(Enumerable.Repeat(5f, 16).ToArray(), roi, pixelThreshold: 1);

        Assert.All(roi.Inside.ToArray(), inside => Assert.False(inside));
        Assert.Equal(default, box);
    }
}
