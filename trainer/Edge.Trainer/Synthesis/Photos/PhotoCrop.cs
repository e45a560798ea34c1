namespace Edge.Trainer.Synthesis.Photos;

/// <summary>
/// Where one image of a photo data set was cut: its file (relative to the class folder), the photograph, and the
/// crop's square in the photograph's pixels after shrinking by <see cref="Scale"/>. A defective image also has its kind.
/// </summary>
public sealed record PhotoCrop(string Image, string Photo, int Scale, int X, int Y, int Size, string? Defect)
{
    /// <summary>True when the two squares share a pixel of the same photograph.</summary>
    public bool Overlaps(PhotoCrop other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Photo == other.Photo && X < other.X + other.Size && other.X < X + Size && Y < other.Y + other.Size && other.Y < Y + Size;
    }
}
