namespace Edge.Imaging.Jpeg;

/// <summary>Encodes JPEG through TurboJPEG, reusing one compressor. Not thread-safe: one instance per thread.</summary>
public sealed unsafe class JpegEncoder : IDisposable
{
    public const int DefaultQuality = 90;

    private readonly TurboJpegHandle handle = TurboJpegHandle.CreateCompressor();

    /// <summary>
    /// Encodes gray, RGB or RGBA (alpha ignored) pixels at <paramref name="quality"/> (1 to 100).
    /// Gray images always give a grayscale JPEG; <paramref name="subsampling"/> applies to colour ones.
    /// </summary>
    public byte[] Encode(ImageView source, int quality = DefaultQuality, JpegSubsampling subsampling = JpegSubsampling.Yuv420)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(quality, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quality, 100);
        if (subsampling is < JpegSubsampling.Yuv444 or > JpegSubsampling.Yuv411)
        {
            throw new ArgumentOutOfRangeException(nameof(subsampling), subsampling, "Unknown subsampling.");
        }
        var pixelFormat = JpegPixelFormat.Of(source.Layout, nameof(source));
        var sampling = source.Layout == PixelLayout.Gray ? Interop.TurboJpeg.TJSAMP_GRAY : (int)subsampling;
        IntPtr output = IntPtr.Zero;
        var size = new System.Runtime.InteropServices.CULong(0);
        int result;
        fixed (byte* pixels = source.Pixels)
        {
            result = Interop.TurboJpeg.tjCompress2(
                handle, pixels, source.Width, source.Stride, source.Height, pixelFormat, &output, &size, sampling, quality, 0);
        }
        // TurboJPEG may have allocated the output even when it failed: own it before checking.
        using var buffer = new TurboJpegBufferHandle(output);
        handle.Check(result, "tjCompress2");
        return new ReadOnlySpan<byte>((void*)output, checked((int)size.Value)).ToArray();
    }

    public void Dispose() => handle.Dispose();
}
