namespace Edge.Imaging.Jpeg;

/// <summary>Chroma subsampling of a JPEG (TurboJPEG's TJSAMP values).</summary>
public enum JpegSubsampling
{
    Yuv444 = 0,
    Yuv422 = 1,
    Yuv420 = 2,
    Gray = 3,
    Yuv440 = 4,
    Yuv411 = 5,
}
