using Edge.Imaging.Png;
using Edge.Imaging.Tests.Support;
using Edge.Testing;

namespace Edge.Imaging.Tests.Png;

public sealed class PngErrorTests : IDisposable
{
    private readonly TempFolder folder = new("edge-png-");
    private readonly byte[] valid;

    public PngErrorTests()
    {
        var path = folder.File("valid.png");
        Ffmpeg.TestPattern(path, 64, 48, "rgb24");
        valid = File.ReadAllBytes(path);
    }

    public void Dispose() => folder.Dispose();

    [Fact]
    public void Empty_data_fails_with_libpngs_message()
    {
        var error = Assert.Throws<ImagingException>(() => PngCodec.Decode([]));

        AssertFromLibpng(error, "png_image_begin_read_from_memory");
    }

    [Fact]
    public void Data_that_is_not_a_PNG_fails_with_libpngs_message()
    {
        var error = Assert.Throws<ImagingException>(() => PngCodec.Decode("GIF89a, certainly not a PNG file"u8.ToArray()));

        AssertFromLibpng(error, "png_image_begin_read_from_memory");
        Assert.Contains("PNG", error.NativeMessage, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_truncated_PNG_fails_while_reading_pixels_with_libpngs_message()
    {
        var error = Assert.Throws<ImagingException>(() => PngCodec.Decode(valid.AsSpan(0, valid.Length / 2)));

        AssertFromLibpng(error, "png_image_finish_read");
    }

    [Fact]
    public void A_corrupted_header_fails_its_checksum_with_libpngs_message()
    {
        var corrupt = (byte[])valid.Clone();
        corrupt[18] ^= 0x5A; // inside IHDR's width: the chunk's CRC no longer matches

        var error = Assert.Throws<ImagingException>(() => PngCodec.Decode(corrupt));

        AssertFromLibpng(error, "png_image_begin_read_from_memory");
        Assert.Contains("CRC", error.NativeMessage, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_missing_file_is_a_FileNotFoundException()
    {
        Assert.Throws<FileNotFoundException>(() => PngCodec.Load(folder.File("absent.png")));
    }

    [Fact]
    public void Saving_into_a_missing_folder_fails_with_libpngs_message()
    {
        var image = new Image(4, 4, PixelLayout.Gray);

        var error = Assert.Throws<ImagingException>(() => PngCodec.Save(image.AsView(), folder.File("no/such/folder/x.png")));

        AssertFromLibpng(error, "png_image_write_to_file");
    }

    private static void AssertFromLibpng(ImagingException error, string operation)
    {
        NativeErrorAssert.FromLibrary(error, "libpng", operation);
        Assert.True((error.NativeCode & 3) >= 2, $"warning_or_error {error.NativeCode} should say error");
    }
}
