namespace Edge.Imaging;

/// <summary>
/// Gray from RGB with the ITU-R BT.601 weights (0.299, 0.587, 0.114), the ones JPEG and most cameras use.
/// One definition for the byte conversion and the float preprocessing so both agree.
/// </summary>
internal static class Luma
{
    public const float Red = 0.299f;
    public const float Green = 0.587f;
    public const float Blue = 0.114f;

    // The weights in 16.16 fixed point, rounded so that they sum to exactly 65536 (white stays 255).
    private const int RedFixed = 19595;
    private const int GreenFixed = 38470;
    private const int BlueFixed = 7471;

    public static byte FromRgb(byte r, byte g, byte b) => (byte)((RedFixed * r + GreenFixed * g + BlueFixed * b + 32768) >> 16);
}
