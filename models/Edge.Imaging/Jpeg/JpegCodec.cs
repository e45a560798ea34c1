namespace Edge.Imaging.Jpeg;

/// <summary>
/// One-shot JPEG calls, each with its own TurboJPEG instance (thread-safe). For a stream of frames keep a
/// <see cref="JpegDecoder"/> or <see cref="JpegEncoder"/> per thread instead.
/// </summary>
public static class JpegCodec
{
    public static JpegHeader ReadHeader(ReadOnlySpan<byte> jpeg)
    {
        using var decoder = new JpegDecoder();
        return decoder.ReadHeader(jpeg);
    }

    public static Image Decode(ReadOnlySpan<byte> jpeg, PixelLayout? layout = null)
    {
        using var decoder = new JpegDecoder();
        return decoder.Decode(jpeg, layout);
    }

    public static byte[] Encode(ImageView source, int quality = JpegEncoder.DefaultQuality, JpegSubsampling subsampling = JpegSubsampling.Yuv420)
    {
        using var encoder = new JpegEncoder();
        return encoder.Encode(source, quality, subsampling);
    }

    public static Image Load(string path, PixelLayout? layout = null) => Decode(File.ReadAllBytes(path), layout);

    public static void Save(ImageView source, string path, int quality = JpegEncoder.DefaultQuality) =>
        File.WriteAllBytes(path, Encode(source, quality));
}
