using Edge.Imaging.Jpeg;
using Edge.Imaging.Tests.Support;
using Edge.Testing;

namespace Edge.Imaging.Tests.Jpeg;

public sealed class JpegErrorTests : IDisposable
{
    private readonly TempFolder folder = new("edge-jpeg-");
    private readonly byte[] valid;

    public JpegErrorTests()
    {
        var path = folder.File("valid.jpg");
        Ffmpeg.TestPattern(path, 64, 48, "yuvj420p");
        valid = File.ReadAllBytes(path);
    }

    public void Dispose() => folder.Dispose();

    [Fact]
    public void Empty_data_fails_with_TurboJPEGs_message()
    {
        var error = Assert.Throws<ImagingException>(() => JpegCodec.Decode([]));

        AssertFromTurboJpeg(error, "tjDecompressHeader3");
    }

    [Fact]
    public void Data_that_is_not_a_JPEG_fails_with_TurboJPEGs_message()
    {
        var error = Assert.Throws<ImagingException>(() => JpegCodec.Decode("\x89PNG certainly not a JPEG file"u8.ToArray()));

        AssertFromTurboJpeg(error, "tjDecompressHeader3");
    }

    [Fact]
    public void A_truncated_JPEG_fails_while_decoding_with_TurboJPEGs_message()
    {
        var error = Assert.Throws<ImagingException>(() => JpegCodec.Decode(valid.AsSpan(0, valid.Length * 2 / 3)));

        AssertFromTurboJpeg(error, "tjDecompress2");
    }

    [Fact]
    public void Garbage_in_the_entropy_coded_data_fails_with_TurboJPEGs_message()
    {
        var corrupt = (byte[])valid.Clone();
        // Past the headers, overwrite a run of the compressed data with bytes that form markers.
        for (var i = corrupt.Length / 2; i < corrupt.Length / 2 + 64; i++)
        {
            corrupt[i] = i % 2 == 0 ? (byte)0xFF : (byte)0xD9;
        }

        var error = Assert.Throws<ImagingException>(() => JpegCodec.Decode(corrupt));

        AssertFromTurboJpeg(error, "tjDecompress2");
    }

    private static void AssertFromTurboJpeg(ImagingException error, string operation)
    {
        NativeErrorAssert.FromLibrary(error, "libturbojpeg", operation);
        Assert.InRange(error.NativeCode, 0, 1);
    }
}
