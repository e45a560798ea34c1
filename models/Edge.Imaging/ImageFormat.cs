namespace Edge.Imaging;

public enum ImageFormat
{
    Unknown = 0,
    Png,
    Jpeg,
}
