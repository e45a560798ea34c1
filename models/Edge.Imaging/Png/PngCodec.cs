namespace Edge.Imaging.Png;

/// <summary>
/// PNG through libpng's simplified API. Decodes every PNG colour type and depth: gray, gray+alpha, RGB, RGBA,
/// palette, 1 to 16 bits. Output is 8-bit sRGB (<see cref="Decode"/>) or 16-bit linear (<see cref="Decode16"/>),
/// in the stored layout or the one asked for. Errors are <see cref="ImagingException"/> with libpng's message.
/// Thread-safe: every call has its own libpng state.
/// </summary>
/// <remarks>
/// libpng converts as its simplified API defines: 16-bit files without gAMA/sRGB chunks are taken as sRGB-encoded
/// for 8-bit output (so values are just rescaled) and as linear for 16-bit output (so they come back unchanged);
/// 8-bit files decoded to 16 bits are converted to linear light. Linear output with alpha is premultiplied.
/// Removing alpha composites over black.
/// </remarks>
public static unsafe class PngCodec
{
    public static PngInfo ReadInfo(ReadOnlySpan<byte> png)
    {
        using var image = new PngImageHandle();
        fixed (byte* data = png)
        {
            BeginRead(image, data, png.Length);
            return InfoOf(ref image.Fields);
        }
    }

    /// <summary>Decodes to 8 bits per channel, in <paramref name="layout"/> or, when null, the stored one.</summary>
    public static Image Decode(ReadOnlySpan<byte> png, PixelLayout? layout = null)
    {
        using var image = new PngImageHandle();
        fixed (byte* data = png)
        {
            BeginRead(image, data, png.Length);
            return FinishRead8(image, layout);
        }
    }

    /// <summary>Decodes to 16 bits per channel (libpng's linear format), in <paramref name="layout"/> or the stored one.</summary>
    public static Image16 Decode16(ReadOnlySpan<byte> png, PixelLayout? layout = null)
    {
        using var image = new PngImageHandle();
        fixed (byte* data = png)
        {
            BeginRead(image, data, png.Length);
            return FinishRead16(image, layout);
        }
    }

    /// <summary>Reads and decodes a file (libpng reads it itself) to 8 bits per channel.</summary>
    public static Image Load(string path, PixelLayout? layout = null)
    {
        using var image = BeginReadFile(path);
        return FinishRead8(image, layout);
    }

    public static Image16 Load16(string path, PixelLayout? layout = null)
    {
        using var image = BeginReadFile(path);
        return FinishRead16(image, layout);
    }

    /// <summary>Encodes an 8-bit image of any layout; the PNG gets the same layout and an sRGB chunk.</summary>
    public static byte[] Encode(ImageView source) =>
        // A first guess that fits nearly every image (deflate adds little over raw); libpng says the exact size if not.
        Encode(source, (nuint)ImageGeometry.RequiredLength(source.Width, source.Height, source.Layout, source.Stride) * 9 / 8 + 4096);

    /// <summary>Encodes into a first buffer of <paramref name="capacity"/> bytes, and once more at the size libpng asks for if that was too small.</summary>
    internal static byte[] Encode(ImageView source, nuint capacity)
    {
        while (true)
        {
            using var image = NewWriteImage(source);
            var buffer = new byte[capacity];
            var written = capacity;
            int result;
            fixed (byte* pixels = source.Pixels)
            fixed (byte* output = buffer)
            {
                result = Interop.Png.png_image_write_to_memory(image, output, &written, 0, pixels, source.Stride, null);
            }
            if (result != 0)
            {
                return buffer.AsSpan(0, (int)written).ToArray();
            }
            if (written <= capacity)
            {
                image.Check(result, "png_image_write_to_memory");
            }
            capacity = written;
        }
    }

    public static void Save(ImageView source, string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var image = NewWriteImage(source);
        fixed (byte* pixels = source.Pixels)
        {
            image.Check(Interop.Png.png_image_write_to_file(image, path, 0, pixels, source.Stride, null), "png_image_write_to_file");
        }
    }

    private static void BeginRead(PngImageHandle image, byte* data, int length) =>
        image.Check(Interop.Png.png_image_begin_read_from_memory(image, data, (nuint)length), "png_image_begin_read_from_memory");

    private static PngImageHandle BeginReadFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"No PNG file at '{path}'.", path);
        }
        var image = new PngImageHandle();
        try
        {
            image.Check(Interop.Png.png_image_begin_read_from_file(image, path), "png_image_begin_read_from_file");
            return image;
        }
        catch
        {
            image.Dispose();
            throw;
        }
    }

    private static Image FinishRead8(PngImageHandle handle, PixelLayout? layout)
    {
        ref var fields = ref handle.Fields;
        var info = InfoOf(ref fields);
        var output = new Image(info.Width, info.Height, layout ?? info.Layout);
        if (info.BitDepth == 16)
        {
            // Without this libpng takes gamma-less 16-bit data as linear and gamma-encodes it: far too bright.
            fields.flags |= Interop.Png.PNG_IMAGE_FLAG_16BIT_sRGB;
        }
        fields.format = FormatOf(output.Layout);
        fixed (byte* pixels = output.Pixels)
        {
            handle.Check(Interop.Png.png_image_finish_read(handle, null, pixels, output.Stride, null), "png_image_finish_read");
        }
        return output;
    }

    private static Image16 FinishRead16(PngImageHandle handle, PixelLayout? layout)
    {
        ref var fields = ref handle.Fields;
        var info = InfoOf(ref fields);
        var output = new Image16(info.Width, info.Height, layout ?? info.Layout);
        fields.format = FormatOf(output.Layout) | Interop.Png.PNG_FORMAT_FLAG_LINEAR;
        fixed (ushort* pixels = output.Pixels)
        {
            handle.Check(Interop.Png.png_image_finish_read(handle, null, pixels, output.Stride, null), "png_image_finish_read");
        }
        return output;
    }

    private static PngImageHandle NewWriteImage(ImageView source)
    {
        var image = new PngImageHandle();
        ref var fields = ref image.Fields;
        fields.width = (uint)source.Width;
        fields.height = (uint)source.Height;
        fields.format = FormatOf(source.Layout);
        return image;
    }

    private static PngInfo InfoOf(ref Interop.Png.png_image image)
    {
        if (image.width > int.MaxValue || image.height > int.MaxValue)
        {
            throw new ImagingException($"The PNG is {image.width}x{image.height}, larger than this decoder supports.");
        }
        var channels = (int)(image.format & (Interop.Png.PNG_FORMAT_FLAG_COLOR | Interop.Png.PNG_FORMAT_FLAG_ALPHA)) + 1;
        return new PngInfo(
            (int)image.width,
            (int)image.height,
            (PixelLayout)channels,
            (image.format & Interop.Png.PNG_FORMAT_FLAG_LINEAR) != 0 ? 16 : 8,
            (image.format & Interop.Png.PNG_FORMAT_FLAG_COLORMAP) != 0);
    }

    /// <summary>PNG_FORMAT_GRAY, _GA, _RGB, _RGBA are 0 to 3: the alpha and colour flags.</summary>
    private static uint FormatOf(PixelLayout layout) => (uint)layout - 1;
}
