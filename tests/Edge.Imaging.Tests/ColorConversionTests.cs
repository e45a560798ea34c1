using Edge.Imaging.Tests.Support;
using Edge.Testing;

namespace Edge.Imaging.Tests;

public sealed class ColorConversionTests
{
    [Fact]
    public void Gray_from_RGB_uses_BT601_weights_rounded_to_nearest()
    {
        // 0.299 R + 0.587 G + 0.114 B: red 76.2, green 149.7, blue 29.1, (10, 200, 30) 123.8, white 255.
        var rgb = new Image([255, 0, 0, 0, 255, 0, 0, 0, 255, 10, 200, 30, 255, 255, 255], 5, 1, PixelLayout.Rgb);

        Assert.Equal(new byte[] { 76, 150, 29, 124, 255 }, rgb.ToGray().Pixels);
    }

    [Fact]
    public void RGB_from_gray_repeats_the_value_and_RGBA_gets_opaque_alpha()
    {
        var gray = new Image([0, 17, 255], 3, 1, PixelLayout.Gray);

        Assert.Equal(new byte[] { 0, 0, 0, 17, 17, 17, 255, 255, 255 }, gray.ToRgb().Pixels);
        Assert.Equal(new byte[] { 0, 0, 0, 255, 17, 17, 17, 255, 255, 255, 255, 255 }, gray.ConvertTo(PixelLayout.Rgba).Pixels);
    }

    [Fact]
    public void Alpha_is_dropped_without_compositing_and_kept_between_alpha_layouts()
    {
        var rgba = new Image([10, 20, 30, 0, 200, 100, 50, 128], 2, 1, PixelLayout.Rgba);

        Assert.Equal(new byte[] { 10, 20, 30, 200, 100, 50 }, rgba.ToRgb().Pixels);
        Assert.Equal(new byte[] { 18, 0, 124, 128 }, rgba.ConvertTo(PixelLayout.GrayAlpha).Pixels);
    }

    [Fact]
    public void Gray_from_RGB_agrees_with_ffmpegs_conversion_within_one_level()
    {
        using var folder = new TempFolder("edge-color-");
        var path = folder.File("pattern.png");
        Ffmpeg.TestPattern(path, 64, 48, "rgb24");
        var rgb = new Image(Ffmpeg.DecodeRaw(path, "rgb24"), 64, 48, PixelLayout.Rgb);

        var (_, max) = Pixels.AbsoluteDifference(Ffmpeg.DecodeRaw(path, "gray"), rgb.ToGray().Pixels);

        Assert.True(max <= 1, $"max difference {max}");
    }

    [Fact]
    public void Converting_into_an_image_of_another_size_is_refused()
    {
        var source = new Image(4, 4, PixelLayout.Rgb);

        Assert.Throws<ArgumentException>(() => ColorConversion.Convert(source.AsView(), new Image(4, 3, PixelLayout.Gray)));
    }
}
