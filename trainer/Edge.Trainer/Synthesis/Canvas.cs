using Edge.Imaging;

namespace Edge.Trainer.Synthesis;

/// <summary>An RGB picture in floats (0..1) being painted, with a mask of the pixels a defect changed.</summary>
internal sealed class Canvas
{
    private readonly float[] _rgb;

    public Canvas(int size)
    {
        Size = size;
        _rgb = new float[size * size * 3];
        Mask = new bool[size * size];
    }

    public int Size { get; }

    /// <summary>A canvas holding a square RGB picture, with nothing marked yet.</summary>
    public static Canvas From(ImageView rgb)
    {
        if (rgb.Layout != PixelLayout.Rgb || rgb.Width != rgb.Height)
        {
            throw new ArgumentException($"A canvas is painted from a square RGB picture (got {rgb.Width}x{rgb.Height} {rgb.Layout}).", nameof(rgb));
        }
        var canvas = new Canvas(rgb.Width);
        for (var y = 0; y < rgb.Height; y++)
        {
            var row = rgb.Row(y);
            for (var i = 0; i < row.Length; i++)
            {
                canvas._rgb[y * row.Length + i] = row[i] / 255f;
            }
        }
        return canvas;
    }

    public bool[] Mask { get; }

    public void Set(int x, int y, float r, float g, float b)
    {
        var i = (y * Size + x) * 3;
        _rgb[i] = r;
        _rgb[i + 1] = g;
        _rgb[i + 2] = b;
    }

    public (float R, float G, float B) Get(int x, int y)
    {
        var i = (y * Size + x) * 3;
        return (_rgb[i], _rgb[i + 1], _rgb[i + 2]);
    }

    /// <summary>Mixes a colour into one pixel with weight <paramref name="alpha"/> and marks it defective when the change is visible.</summary>
    public void Blend(int x, int y, float r, float g, float b, float alpha)
    {
        if ((uint)x >= (uint)Size || (uint)y >= (uint)Size || alpha <= 0f)
        {
            return;
        }
        var (r0, g0, b0) = Get(x, y);
        Set(x, y, r0 + (r - r0) * alpha, g0 + (g - g0) * alpha, b0 + (b - b0) * alpha);
        // A faint fringe that moves no pixel by more than ~4 grey levels is not part of the ground truth.
        if (alpha * MathF.Max(MathF.Abs(r - r0), MathF.Max(MathF.Abs(g - g0), MathF.Abs(b - b0))) > 4f / 255f)
        {
            Mask[y * Size + x] = true;
        }
    }

    /// <summary>
    /// Replaces one pixel as part of a region that is gone (a missing piece) and marks it defective even where the new
    /// colour happens to match: the ground truth is the whole region, as an inspector would draw it.
    /// </summary>
    public void Replace(int x, int y, float r, float g, float b)
    {
        if ((uint)x >= (uint)Size || (uint)y >= (uint)Size)
        {
            return;
        }
        Set(x, y, r, g, b);
        Mask[y * Size + x] = true;
    }

    public Image ToImage()
    {
        var image = new Image(Size, Size, PixelLayout.Rgb);
        for (var i = 0; i < _rgb.Length; i++)
        {
            image.Pixels[i] = (byte)Math.Clamp((int)MathF.Round(_rgb[i] * 255f), 0, 255);
        }
        return image;
    }

    public Image MaskImage()
    {
        var image = new Image(Size, Size, PixelLayout.Gray);
        for (var i = 0; i < Mask.Length; i++)
        {
            image.Pixels[i] = Mask[i] ? (byte)255 : (byte)0;
        }
        return image;
    }
}
