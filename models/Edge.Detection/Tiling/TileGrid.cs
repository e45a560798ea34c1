using System.Globalization;
using Edge.Bundles.Manifest;
using Edge.Imaging;

namespace Edge.Detection.Tiling;

/// <summary>
/// Where the tiles of one frame size lie (BUNDLE.md, "Tiles"): the frame of W x H is rescaled to round(W s) x round(H s),
/// and along each axis tile origins step by the stride from 0 while a tile still ends before the far edge, then one
/// last tile ends exactly at that edge. So every pixel of the rescaled frame is covered, every tile lies inside it,
/// and each axis has ceil((side - T) / S) + 1 origins. A side shorter than the tile is refused rather than padded:
/// padding (by reflection or otherwise) would show the model surfaces it never learned, scored as defects.
/// Tiles are numbered row by row. Immutable; made once per frame size.
/// </summary>
public sealed class TileGrid
{
    private readonly int[] _columns;
    private readonly int[] _rows;

    /// <exception cref="ArgumentException">The rescaled frame is smaller than a tile; the message names both sizes.</exception>
    public TileGrid(int frameWidth, int frameHeight, double scale, int tileSize, int stride)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(frameWidth, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(frameHeight, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(tileSize, 1);
        if (scale is not (> 0 and <= TilingSpec.MaxScale))
        {
            throw new ArgumentOutOfRangeException(nameof(scale), scale, $"The tiling scale must be in (0, {TilingSpec.MaxScale}].");
        }
        if (stride < 1 || stride > tileSize)
        {
            throw new ArgumentOutOfRangeException(nameof(stride), stride, $"The tile stride must be 1..{tileSize} (the tile size), so no pixel falls between tiles.");
        }
        FrameWidth = frameWidth;
        FrameHeight = frameHeight;
        Scale = scale;
        TileSize = tileSize;
        Stride = stride;
        ScaledWidth = ScaledSide(frameWidth, scale);
        ScaledHeight = ScaledSide(frameHeight, scale);
        if (ScaledWidth < tileSize || ScaledHeight < tileSize)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"A {frameWidth}x{frameHeight} frame at tiling scale {scale} is {ScaledWidth}x{ScaledHeight}, smaller than the {tileSize}x{tileSize} tile; " +
                $"use a larger scale (at least {(double)tileSize / Math.Min(frameWidth, frameHeight):0.###}) or a larger camera crop."));
        }
        _columns = Origins(ScaledWidth, tileSize, stride);
        _rows = Origins(ScaledHeight, tileSize, stride);
    }

    /// <summary>The grid for a frame of <paramref name="frameWidth"/> x <paramref name="frameHeight"/> under a bundle's tiling.</summary>
    public static TileGrid For(TilingSpec tiling, int tileSize, int frameWidth, int frameHeight)
    {
        ArgumentNullException.ThrowIfNull(tiling);
        return new TileGrid(frameWidth, frameHeight, tiling.Scale, tileSize, tiling.Stride);
    }

    public int FrameWidth { get; }

    public int FrameHeight { get; }

    public double Scale { get; }

    public int TileSize { get; }

    public int Stride { get; }

    /// <summary>round(FrameWidth x Scale), halves away from zero.</summary>
    public int ScaledWidth { get; }

    /// <summary>round(FrameHeight x Scale), halves away from zero.</summary>
    public int ScaledHeight { get; }

    /// <summary>Tile origins along x in the rescaled frame, left to right.</summary>
    public ReadOnlySpan<int> ColumnOrigins => _columns;

    /// <summary>Tile origins along y in the rescaled frame, top to bottom.</summary>
    public ReadOnlySpan<int> RowOrigins => _rows;

    public int Columns => _columns.Length;

    public int Rows => _rows.Length;

    public int Count => _columns.Length * _rows.Length;

    /// <summary>Tile <paramref name="index"/> (row by row) in rescaled-frame pixels.</summary>
    public PixelRect Tile(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        return new PixelRect(_columns[index % Columns], _rows[index / Columns], TileSize, TileSize);
    }

    /// <summary>Origins along one axis: ceil((side - tile) / stride) + 1 of them, the last at side - tile.</summary>
    public static int OriginCount(int side, int tileSize, int stride) =>
        side <= tileSize ? 1 : (side - tileSize + stride - 1) / stride + 1;

    private static int ScaledSide(int side, double scale) => (int)Math.Round(side * scale, MidpointRounding.AwayFromZero);

    private static int[] Origins(int side, int tileSize, int stride)
    {
        var origins = new int[OriginCount(side, tileSize, stride)];
        for (var i = 0; i < origins.Length - 1; i++)
        {
            origins[i] = i * stride;
        }
        origins[^1] = side - tileSize;
        return origins;
    }
}
