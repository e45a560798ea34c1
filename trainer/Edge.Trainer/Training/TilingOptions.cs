namespace Edge.Trainer.Training;

/// <summary>
/// Native-resolution mode: a crack a few pixels wide vanishes when a 1280x720 frame is squeezed into the model's
/// 64 or 128 pixels, so the model instead learns from random crops of its input size taken from the frame at a fixed
/// scale, and a frame is scored as overlapping tiles whose maps are blended back into one map of the whole frame.
/// Off, the whole image is resized to the input size (parts that fill the frame).
/// </summary>
public sealed record TilingOptions
{
    public bool Enabled { get; init; }

    /// <summary>Fixed rescale of the whole frame before it is cut into tiles (1 = the camera's own pixels).</summary>
    public double Scale { get; init; } = 1.0;

    /// <summary>Pixels between tile origins in the rescaled frame; 0 means half the tile, so every pixel is seen by up to four tiles.</summary>
    public int Stride { get; init; }

    /// <summary>The stride in pixels for tiles of <paramref name="tileSize"/>.</summary>
    public int StrideFor(int tileSize) => Stride > 0 ? Stride : Math.Max(1, tileSize / 2);

    /// <exception cref="ArgumentException">A value is out of range; the message names its key.</exception>
    public void Validate(int tileSize)
    {
        if (Scale is not (> 0 and <= 4))
        {
            throw new ArgumentException(FormattableString.Invariant($"tiling.scale must be in (0, 4] (got {Scale})."));
        }
        if (Stride < 0 || Stride > tileSize)
        {
            throw new ArgumentException(FormattableString.Invariant($"tiling.stride must be 0 (half a tile) or 1..{tileSize} (got {Stride})."));
        }
    }
}
