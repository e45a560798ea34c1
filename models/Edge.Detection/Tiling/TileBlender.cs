using System.Numerics.Tensors;
using Edge.Scoring.Maps;

namespace Edge.Detection.Tiling;

/// <summary>
/// Blends the tiles' maps of one frame (<see cref="TileGrid"/>) into one map of the whole frame: each tile's T x T map
/// is added at its origin in the rescaled frame, weighted per tile pixel by <see cref="Weight"/>, the sum is divided by
/// the summed weights of the tiles covering each pixel, and the result is resized (bilinear, half-pixel centres) back
/// to the frame's own W x H (unless made without that step: the frame scorer keeps the map at the rescaled size). The
/// weights of a grid never change, so their reciprocal is computed once: after construction, blending allocates
/// nothing. Not thread-safe: one per frame size and thread.
/// </summary>
public sealed class TileBlender
{
    /// <summary>The smallest weight of a tile pixel, in each direction (the corner's weight is its square).</summary>
    public const float WindowFloor = 0.1f;

    private readonly float[] _window;
    private readonly float[] _sum;
    private readonly float[] _inverseWeight;
    private readonly float[] _map;
    private int _added;

    /// <param name="resizeToFrame">
    /// False: <see cref="Finish"/> stops at <see cref="ScaledMap"/> and <see cref="Map"/> stays empty (no frame-size buffer).
    /// </param>
    public TileBlender(TileGrid grid, bool resizeToFrame = true)
    {
        ArgumentNullException.ThrowIfNull(grid);
        Grid = grid;
        var t = grid.TileSize;
        _window = new float[t * t];
        for (var y = 0; y < t; y++)
        {
            for (var x = 0; x < t; x++)
            {
                _window[y * t + x] = AxisWeight(x, t) * AxisWeight(y, t);
            }
        }
        _sum = new float[grid.ScaledWidth * grid.ScaledHeight];
        _inverseWeight = new float[_sum.Length];
        for (var i = 0; i < grid.Count; i++)
        {
            Accumulate(i, _window, _inverseWeight, weighted: false);
        }
        // Every pixel lies in at least one tile (the grid's promise) and every weight is at least WindowFloor squared.
        TensorPrimitives.Reciprocal(_inverseWeight, _inverseWeight);
        _map = resizeToFrame ? new float[grid.FrameWidth * grid.FrameHeight] : [];
    }

    public TileGrid Grid { get; }

    /// <summary>The blended map of the rescaled frame (ScaledWidth x ScaledHeight, row-major), after <see cref="Finish"/>.</summary>
    public ReadOnlySpan<float> ScaledMap => _sum;

    /// <summary>The blended map at the frame's own size (FrameWidth x FrameHeight, row-major), after <see cref="Finish"/>; empty without resizeToFrame.</summary>
    public ReadOnlySpan<float> Map => _map;

    /// <summary>
    /// The weight of tile pixel (<paramref name="x"/>, <paramref name="y"/>): a separable raised cosine (Hann window)
    /// lifted to <see cref="WindowFloor"/>, floor + (1 - floor) sin^2(pi (i + 0.5) / T) per axis. A tile's border is
    /// where its convolutions saw padding and its reconstruction is weakest, so where tiles overlap the one that has the
    /// pixel near its centre should decide; a weight that falls smoothly leaves no seam where one tile's share ends (a
    /// uniform average jumps there). The floor keeps a pixel that only one tile's border covers (the frame's own edge)
    /// counted at full value after normalization, and the division well away from zero.
    /// </summary>
    public static float Weight(int x, int y, int tileSize) => AxisWeight(x, tileSize) * AxisWeight(y, tileSize);

    /// <summary>Starts a new frame: forgets the tiles added so far.</summary>
    public void Clear()
    {
        Array.Clear(_sum);
        _added = 0;
    }

    /// <summary>Adds tile <paramref name="index"/>'s T x T map (row-major), weighted by the window.</summary>
    public void Add(int index, ReadOnlySpan<float> tileMap)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Grid.Count);
        if (tileMap.Length != _window.Length)
        {
            throw new ArgumentException($"A tile's map holds {_window.Length} values ({Grid.TileSize}x{Grid.TileSize}); {tileMap.Length} were given.", nameof(tileMap));
        }
        Accumulate(index, tileMap, _sum, weighted: true);
        _added++;
    }

    /// <summary>Normalizes by the summed weights and (unless made without) resizes to the frame's size; every tile must have been added once.</summary>
    public void Finish()
    {
        if (_added != Grid.Count)
        {
            throw new InvalidOperationException($"The frame has {Grid.Count} tiles; {_added} were added since the last Clear.");
        }
        TensorPrimitives.Multiply(_sum, _inverseWeight, _sum);
        if (_map.Length == 0)
        {
            return;
        }
        MapOps.ResizeBilinear(_sum, Grid.ScaledWidth, Grid.ScaledHeight, _map, Grid.FrameWidth, Grid.FrameHeight);
    }

    private static float AxisWeight(int i, int tileSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(i);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(i, tileSize);
        var s = Math.Sin(Math.PI * (i + 0.5) / tileSize);
        return (float)(WindowFloor + (1 - WindowFloor) * s * s);
    }

    /// <summary>Adds a tile's values (times the window when <paramref name="weighted"/>) into a rescaled-frame plane, row by row.</summary>
    private void Accumulate(int index, ReadOnlySpan<float> tile, Span<float> plane, bool weighted)
    {
        var rect = Grid.Tile(index);
        int t = Grid.TileSize, width = Grid.ScaledWidth;
        for (var y = 0; y < t; y++)
        {
            var row = plane.Slice((rect.Y + y) * width + rect.X, t);
            var values = tile.Slice(y * t, t);
            if (weighted)
            {
                TensorPrimitives.MultiplyAdd(values, _window.AsSpan(y * t, t), row, row);
            }
            else
            {
                TensorPrimitives.Add(values, row, row);
            }
        }
    }
}
