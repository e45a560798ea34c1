using Edge.Imaging;

namespace Edge.Agent.Cameras.Frames;

/// <summary>Size and pixel format of a frame; rows are packed (no padding between them).</summary>
public readonly record struct FrameGeometry
{
    /// <summary>Largest width or height accepted; keeps <see cref="FrameBytes"/> far from overflow.</summary>
    public const int MaxDimension = 16384;

    public FrameGeometry(int width, int height, FramePixelFormat format)
    {
        if (width is <= 0 or > MaxDimension)
        {
            throw new ArgumentOutOfRangeException(nameof(width), width, $"A frame's width must be 1 to {MaxDimension} pixels.");
        }
        if (height is <= 0 or > MaxDimension)
        {
            throw new ArgumentOutOfRangeException(nameof(height), height, $"A frame's height must be 1 to {MaxDimension} pixels.");
        }
        if (!Enum.IsDefined(format))
        {
            throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown pixel format.");
        }
        Width = width;
        Height = height;
        Format = format;
    }

    public int Width { get; }

    public int Height { get; }

    public FramePixelFormat Format { get; }

    public int BytesPerPixel => BytesPerPixelOf(Format);

    public int RowBytes => Width * BytesPerPixel;

    public int FrameBytes => RowBytes * Height;

    /// <summary>The same pixel arrangement in Edge.Imaging's terms.</summary>
    public PixelLayout Layout => LayoutOf(Format);

    public static PixelLayout LayoutOf(FramePixelFormat format) => format switch
    {
        FramePixelFormat.Rgb24 => PixelLayout.Rgb,
        FramePixelFormat.Gray8 => PixelLayout.Gray,
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown pixel format."),
    };

    public static int BytesPerPixelOf(FramePixelFormat format) => format switch
    {
        FramePixelFormat.Rgb24 => 3,
        FramePixelFormat.Gray8 => 1,
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown pixel format."),
    };

    public override string ToString() => $"{Width}x{Height} {Format}";
}
