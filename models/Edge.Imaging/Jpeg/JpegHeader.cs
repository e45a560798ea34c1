namespace Edge.Imaging.Jpeg;

/// <summary>What a JPEG header says, read without decoding the pixels.</summary>
public readonly record struct JpegHeader(int Width, int Height, JpegSubsampling Subsampling, JpegColorspace Colorspace)
{
    /// <summary>The layout a plain decode gives: gray for grayscale JPEGs, RGB for the rest.</summary>
    public PixelLayout NaturalLayout => Colorspace == JpegColorspace.Gray ? PixelLayout.Gray : PixelLayout.Rgb;
}
