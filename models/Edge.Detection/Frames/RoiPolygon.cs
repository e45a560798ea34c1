namespace Edge.Detection.Frames;

/// <summary>A region of interest in frame pixels; map pixels outside every polygon of a camera never count.</summary>
public sealed record RoiPolygon(IReadOnlyList<(double X, double Y)> Points)
{
    /// <summary>True when (x, y) lies in one of <paramref name="regions"/>, or there are none (the whole frame counts).</summary>
    public static bool InAny(IReadOnlyList<RoiPolygon> regions, double x, double y) => regions.Count == 0 || regions.Any(p => p.Contains(x, y));

    /// <summary>Even-odd rule (ray casting), points on edges count as inside for the upper-left edges only.</summary>
    public bool Contains(double x, double y)
    {
        var inside = false;
        for (int i = 0, j = Points.Count - 1; i < Points.Count; j = i++)
        {
            var (xi, yi) = Points[i];
            var (xj, yj) = Points[j];
            if ((yi > y) != (yj > y) && x < ((xj - xi) * (y - yi) / (yj - yi)) + xi)
            {
                inside = !inside;
            }
        }
        return inside;
    }
}
