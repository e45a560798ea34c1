namespace Edge.Imaging.Tests;

public sealed class ImageViewTests
{
    [Fact]
    public void Crop_is_a_window_on_the_same_pixels_with_the_parent_stride()
    {
        var image = new Image(6, 4, PixelLayout.Rgb);
        for (var i = 0; i < image.Pixels.Length; i++)
        {
            image.Pixels[i] = (byte)i;
        }

        var crop = image.AsView().Crop(new PixelRect(2, 1, 3, 2));

        Assert.Equal((3, 2, 18), (crop.Width, crop.Height, crop.Stride));
        Assert.Equal(new byte[] { 24, 25, 26, 27, 28, 29, 30, 31, 32 }, crop.Row(0).ToArray());
        Assert.Equal(new byte[] { 42, 43, 44, 45, 46, 47, 48, 49, 50 }, crop.Row(1).ToArray());
        image.Pixels[24] = 99;
        Assert.Equal(99, crop.Row(0)[0]);
    }

    [Fact]
    public void A_crop_outside_the_image_is_refused()
    {
        var image = new Image(6, 4, PixelLayout.Gray);

        Assert.Throws<ArgumentOutOfRangeException>(() => image.AsView().Crop(new PixelRect(4, 0, 3, 1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => image.AsView().Crop(new PixelRect(0, 0, 0, 1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => image.AsView().Crop(new PixelRect(-1, 0, 2, 2)));
    }

    [Fact]
    public void A_buffer_too_small_for_the_size_and_stride_is_refused_with_the_numbers()
    {
        var error = Assert.Throws<ArgumentException>(() => new Image(new byte[100], 10, 4, PixelLayout.Rgb, stride: 32));

        Assert.Contains("126", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => new Image(new byte[100], 10, 2, PixelLayout.Rgb, stride: 20));
    }

    [Fact]
    public void The_last_row_needs_no_padding()
    {
        var image = new Image(new byte[32 + 30], 10, 2, PixelLayout.Rgb, stride: 32);

        Assert.Equal(30, image.Row(1).Length);
        Assert.Throws<ArgumentOutOfRangeException>(() => image.Row(2));
    }
}
