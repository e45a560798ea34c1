using Edge.Imaging;

namespace Edge.Detection.Frames;

/// <summary>
/// The camera's regions of interest on the frame-level map grid: a map pixel counts only when its centre, mapped back
/// to the frame, lies inside one of the polygons (frame pixels). Made once per frame size; no ROI = everything counts.
/// </summary>
public sealed class RoiMask
{
    private readonly bool[] _inside;

    /// <param name="polygons">The regions of interest in frame pixels; none means the whole frame.</param>
    /// <param name="region">The part of the frame the map covers (the camera's crop, or the whole frame).</param>
    public RoiMask(IReadOnlyList<RoiPolygon> polygons, int frameWidth, int frameHeight, PixelRect region, int mapWidth, int mapHeight)
    {
        ArgumentNullException.ThrowIfNull(polygons);
        FrameWidth = frameWidth;
        FrameHeight = frameHeight;
        Region = region;
        MapWidth = mapWidth;
        MapHeight = mapHeight;
        _inside = new bool[mapWidth * mapHeight];
        for (var v = 0; v < mapHeight; v++)
        {
            for (var u = 0; u < mapWidth; u++)
            {
                double x = region.X + (u + 0.5) * region.Width / mapWidth, y = region.Y + (v + 0.5) * region.Height / mapHeight;
                _inside[v * mapWidth + u] = RoiPolygon.InAny(polygons, x, y);
            }
        }
        IsEverything = _inside.All(i => i);
    }

    public int FrameWidth { get; }

    public int FrameHeight { get; }

    /// <summary>The frame region under the map, in frame pixels.</summary>
    public PixelRect Region { get; }

    public int MapWidth { get; }

    public int MapHeight { get; }

    /// <summary>True when no pixel is masked out (no ROI, or one covering the frame).</summary>
    public bool IsEverything { get; }

    /// <summary>One flag per map pixel; empty when every pixel counts (what <see cref="Scoring.Maps.ImageScorer"/> takes).</summary>
    public ReadOnlySpan<bool> Inside => IsEverything ? [] : _inside;

    public bool Contains(int mapIndex) => _inside[mapIndex];
}
