using Edge.Imaging.Preprocessing;
using Edge.Imaging.Tests.Support;

namespace Edge.Imaging.Tests.Preprocessing;

public sealed class BilinearResizerTests
{
    [Fact]
    public void Two_by_two_to_four_by_four_matches_hand_computed_values()
    {
        // Output columns sample the source at x = -0.25 (clamped to 0), 0.25, 0.75, 1.25 (clamped to 1); rows likewise.
        // Row 0 [0, 100] -> [0, 25, 75, 100]; row 1 [200, 40] -> [200, 160, 80, 40]; middle rows blend them 3:1 and 1:3.
        var source = new Image([0, 100, 200, 40], 2, 2, PixelLayout.Gray);
        var destination = new Image(4, 4, PixelLayout.Gray);

        new BilinearResizer(4, 4).Resize(source.AsView(), destination);

        byte[] expected =
        [
            0, 25, 75, 100,
            50, 59, 76, 85,      // 58.75, 76.25 round to nearest
            150, 126, 79, 55,    // 126.25, 78.75
            200, 160, 80, 40,
        ];
        Assert.Equal(expected, destination.Pixels);
    }

    [Theory]
    [InlineData(97, 61, 32, 24, PixelLayout.Rgb)]
    [InlineData(13, 9, 40, 30, PixelLayout.Rgb)]
    [InlineData(200, 7, 33, 19, PixelLayout.Gray)]
    [InlineData(31, 45, 31, 12, PixelLayout.Rgba)]
    [InlineData(1, 1, 5, 3, PixelLayout.GrayAlpha)]
    public void Resizing_matches_the_scalar_reference_to_within_rounding(int width, int height, int targetWidth, int targetHeight, PixelLayout layout)
    {
        var source = Pixels.RandomImage(width, height, layout, seed: width * height);
        var destination = new Image(targetWidth, targetHeight, layout);

        new BilinearResizer(targetWidth, targetHeight).Resize(source.AsView(), destination);

        var reference = ReferenceBilinear.Resize(source, targetWidth, targetHeight);
        var rounded = 0;
        for (var y = 0; y < targetHeight; y++)
        {
            for (var x = 0; x < targetWidth; x++)
            {
                for (var c = 0; c < source.Channels; c++)
                {
                    var expected = reference[y, x, c];
                    var actual = destination.Pixels[y * destination.Stride + x * source.Channels + c];
                    // Float against double may round the other way only at an exact half.
                    Assert.True(Math.Abs(actual - expected) <= 0.5 + 1e-3, $"({x}, {y}, {c}): {actual} vs {expected}");
                    rounded += actual == (byte)Math.Round(expected, MidpointRounding.AwayFromZero) ? 1 : 0;
                }
            }
        }
        Assert.True(rounded >= reference.Length * 99 / 100, $"{reference.Length - rounded} of {reference.Length} rounded differently");
    }

    [Fact]
    public void Resizing_to_the_same_size_copies_the_pixels()
    {
        var source = Pixels.RandomImage(23, 17, PixelLayout.Rgb, seed: 5);
        var destination = new Image(23, 17, PixelLayout.Rgb);

        new BilinearResizer(23, 17).Resize(source.AsView(), destination);

        Assert.Equal(source.Pixels, destination.Pixels);
    }

    [Fact]
    public void One_resizer_serves_sources_of_different_sizes_in_turn()
    {
        var resizer = new BilinearResizer(8, 8);
        var small = Pixels.RandomImage(4, 4, PixelLayout.Gray, seed: 1);
        var large = Pixels.RandomImage(30, 20, PixelLayout.Gray, seed: 2);
        var first = new Image(8, 8, PixelLayout.Gray);
        var second = new Image(8, 8, PixelLayout.Gray);
        var again = new Image(8, 8, PixelLayout.Gray);

        resizer.Resize(small.AsView(), first);
        resizer.Resize(large.AsView(), second);
        resizer.Resize(small.AsView(), again);

        Assert.Equal(first.Pixels, again.Pixels);
        Assert.NotEqual(first.Pixels, second.Pixels);
    }

    [Fact]
    public void A_destination_of_another_size_or_layout_is_refused()
    {
        var source = new Image(10, 10, PixelLayout.Rgb);
        var resizer = new BilinearResizer(4, 4);

        Assert.Throws<ArgumentException>(() => resizer.Resize(source.AsView(), new Image(4, 5, PixelLayout.Rgb)));
        Assert.Throws<ArgumentException>(() => resizer.Resize(source.AsView(), new Image(4, 4, PixelLayout.Gray)));
    }
}
