using System.Buffers.Binary;
using Edge.Imaging.Png;
using Edge.Imaging.Tests.Support;
using Edge.Testing;

namespace Edge.Imaging.Tests.Png;

public sealed class PngDecodeTests : IDisposable
{
    private readonly TempFolder folder = new("edge-png-");

    public void Dispose() => folder.Dispose();

    [Theory]
    [InlineData("rgb24", PixelLayout.Rgb, "rgb24")]
    [InlineData("gray", PixelLayout.Gray, "gray")]
    [InlineData("rgba", PixelLayout.Rgba, "rgba")]
    [InlineData("ya8", PixelLayout.GrayAlpha, "ya8")]
    [InlineData("pal8", PixelLayout.Rgb, "rgb24")]
    [InlineData("monob", PixelLayout.Gray, "gray")]
    public void Eight_bit_and_palette_PNGs_decode_exactly_as_ffmpeg_decodes_them(string pngFormat, PixelLayout expectedLayout, string rawFormat)
    {
        var path = folder.File($"pattern-{pngFormat}.png");
        Ffmpeg.TestPattern(path, 64, 48, pngFormat);

        var image = PngCodec.Decode(File.ReadAllBytes(path));

        Assert.Equal((64, 48, expectedLayout), (image.Width, image.Height, image.Layout));
        Assert.Equal(Ffmpeg.DecodeRaw(path, rawFormat), Pixels.Packed(image));
    }

    [Fact]
    public void Varying_alpha_comes_back_unpremultiplied_as_ffmpeg_reads_it()
    {
        var width = 40;
        var height = 30;
        var raw = Pixels.Random(width * height * 4, seed: 7);
        var path = folder.File("alpha.png");
        Ffmpeg.EncodeRaw(raw, width, height, "rgba", path, "rgba");

        var image = PngCodec.Decode(File.ReadAllBytes(path));

        Assert.Equal(PixelLayout.Rgba, image.Layout);
        Assert.Equal(raw, Pixels.Packed(image));
    }

    [Theory]
    [InlineData("rgb48be", PixelLayout.Rgb)]
    [InlineData("gray16be", PixelLayout.Gray)]
    public void Sixteen_bit_PNGs_decode_to_the_exact_samples_ffmpeg_wrote(string format, PixelLayout layout)
    {
        int width = 33, height = 21, channels = (int)layout;
        var raw = Pixels.Random(width * height * channels * 2, seed: 16);
        var path = folder.File($"deep-{format}.png");
        Ffmpeg.EncodeRaw(raw, width, height, format, path, format);

        var info = PngCodec.ReadInfo(File.ReadAllBytes(path));
        var image = PngCodec.Decode16(File.ReadAllBytes(path));

        Assert.Equal(new PngInfo(width, height, layout, 16, false), info);
        Assert.Equal(layout, image.Layout);
        for (var i = 0; i < image.Pixels.Length; i++)
        {
            Assert.Equal(BinaryPrimitives.ReadUInt16BigEndian(raw.AsSpan(2 * i)), image.Pixels[i]);
        }
    }

    [Fact]
    public void Sixteen_bit_PNG_asked_for_8_bits_is_the_samples_rescaled_and_rounded()
    {
        int width = 33, height = 21;
        var raw = Pixels.Random(width * height * 6, seed: 48);
        var path = folder.File("deep.png");
        Ffmpeg.EncodeRaw(raw, width, height, "rgb48be", path, "rgb48be");

        var image = PngCodec.Decode(File.ReadAllBytes(path));

        Assert.Equal(PixelLayout.Rgb, image.Layout);
        // sample * 255 / 65535 to the nearest level: a plain rescaling, no gamma curve.
        for (var i = 0; i < image.Pixels.Length; i++)
        {
            var sample = BinaryPrimitives.ReadUInt16BigEndian(raw.AsSpan(2 * i));
            Assert.Equal(sample * 255.0 / 65535.0, image.Pixels[i], 0.5 + 1e-9);
        }
        // ffmpeg's own 8-bit decode dithers while it reduces the depth, so it agrees only to within two levels.
        var (mean, max) = Pixels.AbsoluteDifference(Ffmpeg.DecodeRaw(path, "rgb24"), Pixels.Packed(image));
        Assert.True(mean < 1 && max <= 2, $"mean {mean:F3}, max {max}");
    }

    [Fact]
    public void A_gray_PNG_asked_for_RGB_repeats_the_gray_value()
    {
        var path = folder.File("gray.png");
        Ffmpeg.TestPattern(path, 32, 24, "gray");
        var gray = Ffmpeg.DecodeRaw(path, "gray");

        var image = PngCodec.Decode(File.ReadAllBytes(path), PixelLayout.Rgb);

        Assert.Equal(PixelLayout.Rgb, image.Layout);
        for (var i = 0; i < gray.Length; i++)
        {
            Assert.Equal((gray[i], gray[i], gray[i]), (image.Pixels[3 * i], image.Pixels[3 * i + 1], image.Pixels[3 * i + 2]));
        }
    }

    [Fact]
    public void ReadInfo_reports_a_palette_image_as_RGB_with_its_palette_flag()
    {
        var path = folder.File("palette.png");
        Ffmpeg.TestPattern(path, 20, 10, "pal8");

        Assert.Equal(new PngInfo(20, 10, PixelLayout.Rgb, 8, true), PngCodec.ReadInfo(File.ReadAllBytes(path)));
    }

    [Fact]
    public void Load_reads_the_file_through_libpng_with_the_same_result_as_Decode()
    {
        var path = folder.File("pattern.png");
        Ffmpeg.TestPattern(path, 50, 30, "rgb24");

        Assert.Equal(Pixels.Packed(PngCodec.Decode(File.ReadAllBytes(path))), Pixels.Packed(PngCodec.Load(path)));
        Assert.Equal(Ffmpeg.DecodeRaw(path, "rgb48le").Length / 2, PngCodec.Load16(path).Pixels.Length);
    }
}
