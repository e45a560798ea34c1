namespace Edge.Imaging.Jpeg;

/// <summary>
/// Decodes JPEG through TurboJPEG, reusing one decompressor. Strict: a warning (for example a truncated file)
/// is an error, so a damaged frame never passes as a grey-filled one. Not thread-safe: one instance per thread.
/// </summary>
public sealed unsafe class JpegDecoder : IDisposable
{
    private const int Flags = Interop.TurboJpeg.TJFLAG_STOPONWARNING;

    private readonly TurboJpegHandle handle = TurboJpegHandle.CreateDecompressor();

    public JpegHeader ReadHeader(ReadOnlySpan<byte> jpeg)
    {
        int width, height, subsampling, colorspace;
        fixed (byte* data = jpeg)
        {
            handle.Check(
                Interop.TurboJpeg.tjDecompressHeader3(handle, data, new((uint)jpeg.Length), &width, &height, &subsampling, &colorspace),
                "tjDecompressHeader3");
        }
        return new JpegHeader(width, height, (JpegSubsampling)subsampling, (JpegColorspace)colorspace);
    }

    /// <summary>Decodes to <paramref name="layout"/> (gray, RGB, or RGBA with opaque alpha); null picks the header's natural layout.</summary>
    public Image Decode(ReadOnlySpan<byte> jpeg, PixelLayout? layout = null)
    {
        var header = ReadHeader(jpeg);
        var image = new Image(header.Width, header.Height, layout ?? header.NaturalLayout);
        DecodeInto(jpeg, image, header);
        return image;
    }

    /// <summary>Decodes into <paramref name="destination"/>, which must have the JPEG's size; allocates nothing.</summary>
    public void DecodeInto(ReadOnlySpan<byte> jpeg, Image destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        DecodeInto(jpeg, destination, ReadHeader(jpeg));
    }

    public void Dispose() => handle.Dispose();

    private void DecodeInto(ReadOnlySpan<byte> jpeg, Image destination, JpegHeader header)
    {
        if (destination.Width != header.Width || destination.Height != header.Height)
        {
            throw new ArgumentException(
                $"The JPEG is {header.Width}x{header.Height}; the destination is {destination.Width}x{destination.Height}.", nameof(destination));
        }
        var pixelFormat = JpegPixelFormat.Of(destination.Layout, nameof(destination));
        fixed (byte* data = jpeg)
        fixed (byte* pixels = destination.Pixels)
        {
            handle.Check(
                Interop.TurboJpeg.tjDecompress2(
                    handle, data, new((uint)jpeg.Length), pixels, header.Width, destination.Stride, header.Height, pixelFormat, Flags),
                "tjDecompress2");
        }
    }
}
