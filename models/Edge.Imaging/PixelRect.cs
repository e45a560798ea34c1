namespace Edge.Imaging;

/// <summary>A rectangle of pixels: left, top, width, height.</summary>
public readonly record struct PixelRect(int X, int Y, int Width, int Height)
{
    public int Right => X + Width;

    public int Bottom => Y + Height;

    /// <summary>Throws unless the rectangle is non-empty and lies inside a <paramref name="width"/> x <paramref name="height"/> image.</summary>
    public void ValidateInside(int width, int height, string paramName)
    {
        if (Width <= 0 || Height <= 0 || X < 0 || Y < 0 || (long)X + Width > width || (long)Y + Height > height)
        {
            throw new ArgumentOutOfRangeException(paramName, this, $"The rectangle must be non-empty and inside the {width}x{height} image.");
        }
    }
}
