using Edge.Imaging.Heatmaps;

namespace Edge.Imaging.Tests.Heatmaps;

public sealed class HeatmapOverlayTests
{
    [Fact]
    public void Jet_runs_from_dark_blue_through_green_to_dark_red()
    {
        // Tents 1.5 - |4t - k| clamped to [0, 1] for k = 3 (red), 2 (green), 1 (blue), times 255; the ends are exact,
        // points between land on the nearest of 256 table entries (at most three levels away).
        Assert.Equal(((byte)0, (byte)0, (byte)128), HeatmapPalette.JetColor(0f));
        Assert.Equal(((byte)128, (byte)0, (byte)0), HeatmapPalette.JetColor(1f));
        AssertNear((0, 128, 255), HeatmapPalette.JetColor(0.25f));
        AssertNear((128, 255, 128), HeatmapPalette.JetColor(0.5f));
        AssertNear((255, 128, 0), HeatmapPalette.JetColor(0.75f));
        Assert.Equal(HeatmapPalette.JetColor(0f), HeatmapPalette.JetColor(float.NaN));
        Assert.Equal(HeatmapPalette.JetColor(1f), HeatmapPalette.JetColor(7f));
    }

    [Fact]
    public void A_uniform_map_blends_its_colour_over_the_frame_by_the_opacity()
    {
        // Score 4 with Low 2, High 4 is the top of the scale, dark red (128, 0, 0); half over gray 100 gives (114, 50, 50).
        var frame = new Image(Enumerable.Repeat((byte)100, 6 * 4).ToArray(), 6, 4, PixelLayout.Gray);
        var destination = new Image(6, 4, PixelLayout.Rgb);

        new HeatmapOverlay(new HeatmapStyle { Low = 2, High = 4, Opacity = 0.5f }).Render([4f, 4f, 4f, 4f], 2, 2, frame.AsView(), destination);

        for (var i = 0; i < 6 * 4; i++)
        {
            Assert.Equal(new byte[] { 114, 50, 50 }, destination.Pixels.AsSpan(3 * i, 3).ToArray());
        }
    }

    [Fact]
    public void A_hot_corner_in_the_map_is_red_in_that_corner_of_the_frame_and_blue_in_the_opposite_one()
    {
        var frame = new Image(64, 48, PixelLayout.Rgb);
        var destination = new Image(64, 48, PixelLayout.Rgb);

        new HeatmapOverlay(new HeatmapStyle { Opacity = 1f }).Render([1f, 0f, 0f, 0f], 2, 2, frame.AsView(), destination);

        Assert.Equal(new byte[] { 128, 0, 0 }, destination.Row(0)[..3].ToArray());
        Assert.Equal(new byte[] { 0, 0, 128 }, destination.Row(47)[^3..].ToArray());
        // Halfway between the map's two columns along the top row the score is one half: green.
        Assert.Equal(255, destination.Row(0)[3 * 32 + 1]);
    }

    [Fact]
    public void Zero_opacity_leaves_the_frame_as_it_was()
    {
        var frame = new Image([10, 20, 30, 40, 50, 60], 2, 1, PixelLayout.Rgb);
        var destination = new Image(2, 1, PixelLayout.Rgb);

        new HeatmapOverlay(new HeatmapStyle { Opacity = 0f }).Render([0.3f, 0.9f], 2, 1, frame.AsView(), destination);

        Assert.Equal(frame.Pixels, destination.Pixels);
    }

    [Fact]
    public void A_destination_that_is_not_an_RGB_image_of_the_frames_size_is_refused()
    {
        var frame = new Image(8, 8, PixelLayout.Rgb);
        var overlay = new HeatmapOverlay();

        Assert.Throws<ArgumentException>(() => overlay.Render([0f], 1, 1, frame.AsView(), new Image(8, 8, PixelLayout.Gray)));
        Assert.Throws<ArgumentException>(() => overlay.Render([0f], 1, 1, frame.AsView(), new Image(8, 7, PixelLayout.Rgb)));
        Assert.Throws<ArgumentException>(() => overlay.Render([0f], 2, 1, frame.AsView(), new Image(8, 8, PixelLayout.Rgb)));
        Assert.Throws<ArgumentException>(() => new HeatmapOverlay(new HeatmapStyle { Low = 1, High = 1 }));
    }

    private static void AssertNear((int R, int G, int B) expected, (byte R, byte G, byte B) actual)
    {
        Assert.InRange(actual.R - expected.R, -3, 3);
        Assert.InRange(actual.G - expected.G, -3, 3);
        Assert.InRange(actual.B - expected.B, -3, 3);
    }
}
