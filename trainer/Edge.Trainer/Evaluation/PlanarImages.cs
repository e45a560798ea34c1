using Edge.Imaging;

namespace Edge.Trainer.Evaluation;

/// <summary>Planar float images on [0, 1] (the detector's CHW buffers) as 8-bit pictures for the report.</summary>
internal static class PlanarImages
{
    public static Image ToRgb(ReadOnlySpan<float> chw, int channels, int width, int height)
    {
        var image = new Image(width, height, PixelLayout.Rgb);
        var plane = width * height;
        for (var y = 0; y < height; y++)
        {
            var row = image.Row(y);
            for (var x = 0; x < width; x++)
            {
                for (var c = 0; c < 3; c++)
                {
                    var v = chw[(channels == 1 ? 0 : c) * plane + y * width + x];
                    row[x * 3 + c] = (byte)Math.Clamp(MathF.Round(v * 255f), 0f, 255f);
                }
            }
        }
        return image;
    }
}
