using Edge.Imaging.Png;
using Edge.Imaging.Tests.Support;
using Edge.Testing;

namespace Edge.Imaging.Tests.Png;

public sealed class PngEncodeTests : IDisposable
{
    private readonly TempFolder folder = new("edge-png-");

    public void Dispose() => folder.Dispose();

    [Theory]
    [InlineData(PixelLayout.Gray, "gray")]
    [InlineData(PixelLayout.GrayAlpha, "ya8")]
    [InlineData(PixelLayout.Rgb, "rgb24")]
    [InlineData(PixelLayout.Rgba, "rgba")]
    public void Encoded_PNG_decodes_in_ffmpeg_to_the_same_pixels(PixelLayout layout, string rawFormat)
    {
        var image = Pixels.RandomImage(37, 23, layout, seed: (int)layout);
        var path = folder.File($"ours-{layout}.png");

        File.WriteAllBytes(path, PngCodec.Encode(image.AsView()));

        Assert.Equal(image.Pixels, Ffmpeg.DecodeRaw(path, rawFormat));
    }

    [Fact]
    public void Saved_PNG_of_a_cropped_view_with_row_padding_holds_just_the_crop()
    {
        var image = Pixels.RandomImage(40, 30, PixelLayout.Rgb, seed: 3);
        var crop = image.AsView().Crop(new PixelRect(5, 7, 20, 10));
        var path = folder.File("crop.png");

        PngCodec.Save(crop, path);

        Assert.Equal(Pixels.Packed(crop), Ffmpeg.DecodeRaw(path, "rgb24"));
    }

    [Fact]
    public void An_output_larger_than_the_first_buffer_is_encoded_again_at_the_size_libpng_asks_for()
    {
        var image = Pixels.RandomImage(300, 200, PixelLayout.Rgba, seed: 11);

        var png = PngCodec.Encode(image.AsView(), capacity: 64);

        Assert.True(png.Length > 64);

        Assert.Equal(image.Pixels, PngCodec.Decode(png).Pixels);
    }
}
