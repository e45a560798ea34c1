using Edge.Imaging.Jpeg;
using Edge.Imaging.Tests.Support;
using Edge.Testing;

namespace Edge.Imaging.Tests.Jpeg;

public sealed class JpegDecodeTests : IDisposable
{
    private readonly TempFolder folder = new("edge-jpeg-");

    public void Dispose() => folder.Dispose();

    // ffmpeg has its own IDCT and chroma upsampling, so the two decoders differ by a few levels at most;
    // a decode that was wrong (channels swapped, wrong stride, wrong colour conversion) differs by tens.
    [Fact]
    public void Colour_JPEG_without_subsampling_decodes_close_to_ffmpegs_decode()
    {
        var path = folder.File("pattern-444.jpg");
        Ffmpeg.TestPattern(path, 96, 64, "yuvj444p", "-q:v", "2");
        var jpeg = File.ReadAllBytes(path);

        var header = JpegCodec.ReadHeader(jpeg);
        var image = JpegCodec.Decode(jpeg);

        Assert.Equal(new JpegHeader(96, 64, JpegSubsampling.Yuv444, JpegColorspace.YCbCr), header);
        Assert.Equal((96, 64, PixelLayout.Rgb), (image.Width, image.Height, image.Layout));
        var (mean, max) = Pixels.AbsoluteDifference(Ffmpeg.DecodeRaw(path, "rgb24"), Pixels.Packed(image));
        Assert.True(mean <= 1.0 && max <= 8, $"mean {mean:F3}, max {max}");
    }

    [Fact]
    public void Colour_JPEG_with_420_subsampling_decodes_close_to_ffmpegs_decode()
    {
        // Smooth content: at sharp colour edges the two decoders' chroma upsampling (libjpeg's triangle filter,
        // swscale's own) legitimately differ by a lot, which says nothing about either being right.
        var source = Pixels.Smooth(96, 64);
        var path = folder.File("smooth-420.jpg");
        Ffmpeg.EncodeRaw(source.Pixels, 96, 64, "rgb24", path, "yuvj420p", "-q:v", "2");
        var jpeg = File.ReadAllBytes(path);

        var image = JpegCodec.Decode(jpeg);

        Assert.Equal(new JpegHeader(96, 64, JpegSubsampling.Yuv420, JpegColorspace.YCbCr), JpegCodec.ReadHeader(jpeg));
        var reference = Ffmpeg.DecodeRaw(path, "rgb24");
        var (mean, max) = Pixels.AbsoluteDifference(reference, Pixels.Packed(image));
        Assert.True(mean <= 3 && max <= 16, $"mean {mean:F3}, max {max}");
        // And ours is no further from what was encoded than ffmpeg's is.
        var ours = Pixels.AbsoluteDifference(source.Pixels, image.Pixels).Mean;
        var theirs = Pixels.AbsoluteDifference(source.Pixels, reference).Mean;
        Assert.True(ours <= theirs, $"ours {ours:F3} from the source, ffmpeg's {theirs:F3}");
    }

    [Fact]
    public void Gray_JPEG_decodes_to_one_channel_close_to_ffmpegs_decode()
    {
        // ffmpeg 5.1's mjpeg encoder writes no grayscale JPEG, so this one is ours; ffmpeg still decodes it independently.
        var path = folder.File("smooth-gray.jpg");
        File.WriteAllBytes(path, JpegCodec.Encode(Pixels.Smooth(80, 40).ToGray().AsView(), quality: 90));
        var jpeg = File.ReadAllBytes(path);

        var image = JpegCodec.Decode(jpeg);

        Assert.Equal(JpegColorspace.Gray, JpegCodec.ReadHeader(jpeg).Colorspace);
        Assert.Equal(PixelLayout.Gray, image.Layout);
        var (mean, max) = Pixels.AbsoluteDifference(Ffmpeg.DecodeRaw(path, "gray"), Pixels.Packed(image));
        Assert.True(mean <= 1.0 && max <= 8, $"mean {mean:F3}, max {max}");
    }

    [Fact]
    public void Colour_JPEG_asked_for_gray_gives_the_luma_ffmpeg_sees()
    {
        var path = folder.File("pattern.jpg");
        Ffmpeg.TestPattern(path, 64, 48, "yuvj444p", "-q:v", "2");

        var image = JpegCodec.Decode(File.ReadAllBytes(path), PixelLayout.Gray);

        Assert.Equal(PixelLayout.Gray, image.Layout);
        var (mean, max) = Pixels.AbsoluteDifference(Ffmpeg.DecodeRaw(path, "gray"), Pixels.Packed(image));
        Assert.True(mean <= 1.0 && max <= 8, $"mean {mean:F3}, max {max}");
    }

    [Fact]
    public void DecodeInto_reuses_the_destination_and_allocates_nothing()
    {
        var path = folder.File("frame.jpg");
        Ffmpeg.TestPattern(path, 64, 48, "yuvj420p");
        var jpeg = File.ReadAllBytes(path);
        using var decoder = new JpegDecoder();
        var frame = new Image(64, 48, PixelLayout.Rgb);
        decoder.DecodeInto(jpeg, frame);
        var first = (byte[])frame.Pixels.Clone();
        Array.Clear(frame.Pixels);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 20; i++)
        {
            decoder.DecodeInto(jpeg, frame);
        }
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(first, frame.Pixels);
    }

    [Fact]
    public void DecodeInto_a_destination_of_the_wrong_size_is_refused()
    {
        var path = folder.File("frame.jpg");
        Ffmpeg.TestPattern(path, 64, 48, "yuvj420p");
        using var decoder = new JpegDecoder();

        var error = Assert.Throws<ArgumentException>(() => decoder.DecodeInto(File.ReadAllBytes(path), new Image(48, 64, PixelLayout.Rgb)));

        Assert.Contains("64x48", error.Message, StringComparison.Ordinal);
    }
}
