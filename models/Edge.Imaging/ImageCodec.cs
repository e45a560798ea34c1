using Edge.Imaging.Jpeg;
using Edge.Imaging.Png;

namespace Edge.Imaging;

/// <summary>Reads PNG or JPEG by their magic bytes and writes them by file extension.</summary>
public static class ImageCodec
{
    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static ReadOnlySpan<byte> JpegSignature => [0xFF, 0xD8, 0xFF];

    public static ImageFormat DetectFormat(ReadOnlySpan<byte> data) =>
        data.StartsWith(PngSignature) ? ImageFormat.Png
        : data.StartsWith(JpegSignature) ? ImageFormat.Jpeg
        : ImageFormat.Unknown;

    /// <summary>The format a file name asks for: .png, or .jpg/.jpeg (any case).</summary>
    public static ImageFormat FormatOfPath(string path)
    {
        var extension = Path.GetExtension(path);
        return extension.Equals(".png", StringComparison.OrdinalIgnoreCase) ? ImageFormat.Png
            : extension.Equals(".jpg", StringComparison.OrdinalIgnoreCase) || extension.Equals(".jpeg", StringComparison.OrdinalIgnoreCase) ? ImageFormat.Jpeg
            : ImageFormat.Unknown;
    }

    /// <summary>Decodes PNG or JPEG to 8 bits per channel in the stored layout, or <paramref name="layout"/> when given.</summary>
    public static Image Decode(ReadOnlySpan<byte> data, PixelLayout? layout = null)
    {
        switch (DetectFormat(data))
        {
            case ImageFormat.Png:
                return PngCodec.Decode(data, layout);
            case ImageFormat.Jpeg:
                return layout is null || layout is PixelLayout.Gray or PixelLayout.Rgb or PixelLayout.Rgba
                    ? JpegCodec.Decode(data, layout)
                    : JpegCodec.Decode(data, PixelLayout.Rgb).ConvertTo(layout.Value);
            default:
                throw new ImagingException(data.IsEmpty
                    ? "The data is empty: not an image."
                    : $"Not a PNG or JPEG: the data starts with {Convert.ToHexString(data[..Math.Min(8, data.Length)])}.");
        }
    }

    public static Image Load(string path, PixelLayout? layout = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        try
        {
            return Decode(File.ReadAllBytes(path), layout);
        }
        catch (ImagingException e) when (e.Library is null)
        {
            throw new ImagingException($"{path}: {e.Message}", e);
        }
    }

    /// <summary>Encodes to PNG (any layout) or JPEG (<paramref name="jpegQuality"/>; gray+alpha loses its alpha).</summary>
    public static byte[] Encode(ImageView image, ImageFormat format, int jpegQuality = JpegEncoder.DefaultQuality) => format switch
    {
        ImageFormat.Png => PngCodec.Encode(image),
        ImageFormat.Jpeg when image.Layout == PixelLayout.GrayAlpha => JpegCodec.Encode(image.ToImage().ToGray().AsView(), jpegQuality),
        ImageFormat.Jpeg => JpegCodec.Encode(image, jpegQuality),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Pick Png or Jpeg."),
    };

    /// <summary>Writes <paramref name="image"/> in the format its extension names (.png, .jpg, .jpeg).</summary>
    public static void Save(ImageView image, string path, int jpegQuality = JpegEncoder.DefaultQuality)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var format = FormatOfPath(path);
        if (format == ImageFormat.Unknown)
        {
            throw new ArgumentException($"Cannot tell the image format from '{Path.GetFileName(path)}': use .png, .jpg or .jpeg.", nameof(path));
        }
        File.WriteAllBytes(path, Encode(image, format, jpegQuality));
    }
}
