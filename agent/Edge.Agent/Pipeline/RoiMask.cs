using Edge.Agent.Configuration;

namespace Edge.Agent.Pipeline;

/// <summary>
/// The camera's regions of interest on the model's map grid: a map pixel counts only when its centre, mapped back
/// to the frame, lies inside one of the polygons (frame pixels). Made once per frame size; no ROI = everything counts.
/// </summary>
public sealed class RoiMask
{
    private readonly bool[] _inside;

    /// <param name="polygons">The regions of interest in frame pixels; none means the whole frame.</param>
    public RoiMask(IReadOnlyList<RoiPolygon> polygons, int frameWidth, int frameHeight, int mapSize)
    {
        ArgumentNullException.ThrowIfNull(polygons);
        FrameWidth = frameWidth;
        FrameHeight = frameHeight;
        _inside = new bool[mapSize * mapSize];
        for (var v = 0; v < mapSize; v++)
        {
            for (var u = 0; u < mapSize; u++)
            {
                double x = (u + 0.5) * frameWidth / mapSize, y = (v + 0.5) * frameHeight / mapSize;
                _inside[v * mapSize + u] = RoiPolygon.InAny(polygons, x, y);
            }
        }
        IsEverything = _inside.All(i => i);
    }

    public int FrameWidth { get; }

    public int FrameHeight { get; }

    /// <summary>True when no pixel is masked out (no ROI, or one covering the frame).</summary>
    public bool IsEverything { get; }

    public bool Contains(int mapIndex) => _inside[mapIndex];
}
