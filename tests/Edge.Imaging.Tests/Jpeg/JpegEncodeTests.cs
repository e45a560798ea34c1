using Edge.Imaging.Jpeg;
using Edge.Imaging.Tests.Support;
using Edge.Testing;

namespace Edge.Imaging.Tests.Jpeg;

public sealed class JpegEncodeTests : IDisposable
{
    private readonly TempFolder folder = new("edge-jpeg-");

    public void Dispose() => folder.Dispose();

    [Fact]
    public void Encoded_colour_JPEG_decodes_in_ffmpeg_close_to_the_original()
    {
        var image = Pixels.Smooth(120, 80);
        var path = folder.File("ours.jpg");

        File.WriteAllBytes(path, JpegCodec.Encode(image.AsView(), quality: 95, JpegSubsampling.Yuv444));

        var (mean, max) = Pixels.AbsoluteDifference(image.Pixels, Ffmpeg.DecodeRaw(path, "rgb24"));
        Assert.True(mean <= 1.5 && max <= 12, $"mean {mean:F3}, max {max}");
    }

    [Fact]
    public void Encoded_gray_image_is_a_grayscale_JPEG_that_ffmpeg_decodes_close_to_the_original()
    {
        var image = Pixels.Smooth(64, 64).ToGray();
        var path = folder.File("gray.jpg");

        File.WriteAllBytes(path, JpegCodec.Encode(image.AsView(), quality: 95));

        var header = JpegCodec.ReadHeader(File.ReadAllBytes(path));
        Assert.Equal((JpegColorspace.Gray, JpegSubsampling.Gray), (header.Colorspace, header.Subsampling));
        var (mean, max) = Pixels.AbsoluteDifference(image.Pixels, Ffmpeg.DecodeRaw(path, "gray"));
        Assert.True(mean <= 1.5 && max <= 8, $"mean {mean:F3}, max {max}");
    }

    [Fact]
    public void Lower_quality_gives_a_smaller_file_with_a_larger_error()
    {
        var image = Pixels.Smooth(128, 96);
        using var encoder = new JpegEncoder();

        var fine = encoder.Encode(image.AsView(), quality: 95);
        var coarse = encoder.Encode(image.AsView(), quality: 10);

        Assert.True(coarse.Length < fine.Length, $"{coarse.Length} vs {fine.Length} bytes");
        var fineError = Pixels.AbsoluteDifference(image.Pixels, JpegCodec.Decode(fine).Pixels).Mean;
        var coarseError = Pixels.AbsoluteDifference(image.Pixels, JpegCodec.Decode(coarse).Pixels).Mean;
        Assert.True(coarseError > fineError, $"{coarseError:F3} vs {fineError:F3}");
    }

    [Fact]
    public void Subsampling_asked_for_is_the_one_in_the_header()
    {
        var image = Pixels.Smooth(64, 32);
        using var encoder = new JpegEncoder();

        foreach (var subsampling in new[] { JpegSubsampling.Yuv444, JpegSubsampling.Yuv422, JpegSubsampling.Yuv420 })
        {
            Assert.Equal(subsampling, JpegCodec.ReadHeader(encoder.Encode(image.AsView(), 90, subsampling)).Subsampling);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public void Quality_outside_1_to_100_is_refused(int quality)
    {
        var image = new Image(8, 8, PixelLayout.Rgb);

        Assert.Throws<ArgumentOutOfRangeException>(() => JpegCodec.Encode(image.AsView(), quality));
    }

    [Fact]
    public void Gray_with_alpha_is_refused_with_a_hint_to_convert()
    {
        var image = new Image(8, 8, PixelLayout.GrayAlpha);

        var error = Assert.Throws<ArgumentException>(() => JpegCodec.Encode(image.AsView()));

        Assert.Contains("GrayAlpha", error.Message, StringComparison.Ordinal);
    }
}
