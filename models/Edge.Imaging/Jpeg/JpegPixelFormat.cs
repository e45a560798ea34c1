namespace Edge.Imaging.Jpeg;

/// <summary>Our layouts as TurboJPEG pixel formats (TJPF); JPEG has no gray+alpha.</summary>
internal static class JpegPixelFormat
{
    public static int Of(PixelLayout layout, string paramName) => layout switch
    {
        PixelLayout.Gray => Interop.TurboJpeg.TJPF_GRAY,
        PixelLayout.Rgb => Interop.TurboJpeg.TJPF_RGB,
        PixelLayout.Rgba => Interop.TurboJpeg.TJPF_RGBA,
        _ => throw new ArgumentException($"JPEG works with Gray, Rgb or Rgba pixels, not {layout}; convert the image first.", paramName),
    };
}
