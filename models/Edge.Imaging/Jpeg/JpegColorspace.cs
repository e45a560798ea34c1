namespace Edge.Imaging.Jpeg;

/// <summary>Colour space stored in a JPEG (TurboJPEG's TJCS values).</summary>
public enum JpegColorspace
{
    Rgb = 0,
    YCbCr = 1,
    Gray = 2,
    Cmyk = 3,
    Ycck = 4,
}
