namespace Edge.Imaging;

/// <summary>Channels of an interleaved 8-bit (or 16-bit) pixel; the value is the channel count.</summary>
public enum PixelLayout
{
    Gray = 1,
    GrayAlpha = 2,
    Rgb = 3,
    Rgba = 4,
}
