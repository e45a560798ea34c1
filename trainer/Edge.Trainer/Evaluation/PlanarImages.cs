using Edge.Imaging;

namespace Edge.Trainer.Evaluation;

/// <summary>Planar float images on [0, 1] (the detector's CHW buffers) as 8-bit pictures for the report.</summary>
internal static class PlanarImages
{
    public static Image ToRgb(ReadOnlySpan<float> chw, int channels, int size)
    {
        var image = new Image(size, size, PixelLayout.Rgb);
        var plane = size * size;
        for (var y = 0; y < size; y++)
        {
            var row = image.Row(y);
            for (var x = 0; x < size; x++)
            {
                for (var c = 0; c < 3; c++)
                {
                    var v = chw[(channels == 1 ? 0 : c) * plane + y * size + x];
                    row[x * 3 + c] = (byte)Math.Clamp(MathF.Round(v * 255f), 0f, 255f);
                }
            }
        }
        return image;
    }
}
