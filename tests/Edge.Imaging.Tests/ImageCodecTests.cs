using Edge.Imaging.Tests.Support;
using Edge.Testing;

namespace Edge.Imaging.Tests;

public sealed class ImageCodecTests : IDisposable
{
    private readonly TempFolder folder = new("edge-codec-");

    public void Dispose() => folder.Dispose();

    [Fact]
    public void Load_tells_PNG_from_JPEG_by_their_bytes_not_their_names()
    {
        var png = folder.File("really-a-png.jpg");
        var jpeg = folder.File("really-a-jpeg.png");
        Ffmpeg.TestPattern(png, 32, 16, "rgb24", "-f", "image2", "-c:v", "png");
        Ffmpeg.TestPattern(jpeg, 32, 16, "yuvj444p", "-f", "image2", "-c:v", "mjpeg");

        Assert.Equal(ImageFormat.Png, ImageCodec.DetectFormat(File.ReadAllBytes(png)));
        Assert.Equal(ImageFormat.Jpeg, ImageCodec.DetectFormat(File.ReadAllBytes(jpeg)));
        Assert.Equal(Ffmpeg.DecodeRaw(png, "rgb24"), Pixels.Packed(ImageCodec.Load(png)));
        Assert.Equal(PixelLayout.Rgb, ImageCodec.Load(jpeg).Layout);
    }

    [Theory]
    [InlineData("out.png", ImageFormat.Png)]
    [InlineData("out.JPG", ImageFormat.Jpeg)]
    [InlineData("out.jpeg", ImageFormat.Jpeg)]
    public void Save_writes_the_format_the_extension_names(string name, ImageFormat format)
    {
        var image = Pixels.Smooth(40, 20);
        var path = folder.File(name);

        ImageCodec.Save(image.AsView(), path);

        Assert.Equal(format, ImageCodec.DetectFormat(File.ReadAllBytes(path)));
        var decoded = Ffmpeg.DecodeRaw(path, "rgb24");
        if (format == ImageFormat.Png)
        {
            Assert.Equal(image.Pixels, decoded);
        }
        else
        {
            // Default quality 90 with 4:2:0 chroma on a small image; ffmpeg's chroma upsampling adds its own share.
            var (mean, _) = Pixels.AbsoluteDifference(image.Pixels, decoded);
            Assert.True(mean < 6, $"mean difference {mean:F2}");
        }
    }

    [Fact]
    public void Save_refuses_an_extension_it_cannot_write()
    {
        var error = Assert.Throws<ArgumentException>(() => ImageCodec.Save(new Image(2, 2, PixelLayout.Rgb).AsView(), folder.File("x.bmp")));

        Assert.Contains("x.bmp", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_file_is_an_ImagingException_naming_the_file()
    {
        var path = folder.File("empty.png");
        File.WriteAllBytes(path, []);

        var error = Assert.Throws<ImagingException>(() => ImageCodec.Load(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_data_is_an_ImagingException_showing_its_first_bytes()
    {
        var error = Assert.Throws<ImagingException>(() => ImageCodec.Decode("BM6\0\0\0"u8));

        Assert.Contains("424D36", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_corrupt_PNG_through_ImageCodec_keeps_libpngs_exception()
    {
        var path = folder.File("valid.png");
        Ffmpeg.TestPattern(path, 32, 16, "rgb24");
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes.AsSpan(0, 40).ToArray());

        var error = Assert.Throws<ImagingException>(() => ImageCodec.Load(path));

        Assert.Equal("libpng", error.Library);
    }

    [Fact]
    public void Decode_to_a_layout_converts_JPEG_to_that_layout()
    {
        var jpeg = ImageCodec.Encode(Pixels.Smooth(16, 16).AsView(), ImageFormat.Jpeg);

        var image = ImageCodec.Decode(jpeg, PixelLayout.GrayAlpha);

        Assert.Equal(PixelLayout.GrayAlpha, image.Layout);
        Assert.All(Enumerable.Range(0, 16 * 16), i => Assert.Equal(255, image.Pixels[2 * i + 1]));
    }
}
