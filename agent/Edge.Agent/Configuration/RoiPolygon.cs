namespace Edge.Agent.Configuration;

/// <summary>A region of interest in frame pixels; scores outside every polygon of a camera never alarm.</summary>
public sealed record RoiPolygon(IReadOnlyList<(double X, double Y)> Points)
{
    /// <summary>Even-odd rule (ray casting), points on edges count as inside for the upper-left edges only.</summary>
    /// <summary>True when (x, y) lies in one of <paramref name="regions"/>, or there are none (the whole frame counts).</summary>
    public static bool InAny(IReadOnlyList<RoiPolygon> regions, double x, double y) => regions.Count == 0 || regions.Any(p => p.Contains(x, y));

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

    internal static IReadOnlyList<RoiPolygon> ReadAll(ConfigReader r, string key)
    {
        var polygons = new List<RoiPolygon>();
        foreach (var (item, path) in r.Array(key))
        {
            var points = new List<(double, double)>();
            var problem = item is System.Text.Json.Nodes.JsonArray list && list.Count >= 3 ? null : "must be a list of at least 3 [x, y] points";
            if (problem is null)
            {
                foreach (var point in (System.Text.Json.Nodes.JsonArray)item!)
                {
                    if (point is System.Text.Json.Nodes.JsonArray { Count: 2 } xy
                        && TryCoordinate(xy[0], out var x) && TryCoordinate(xy[1], out var y))
                    {
                        points.Add((x, y));
                    }
                    else
                    {
                        problem = "every point must be [x, y] with x, y >= 0 (frame pixels)";
                    }
                }
            }
            if (problem is null)
            {
                polygons.Add(new RoiPolygon(points));
            }
            else
            {
                r.ProblemAt(path, problem);
            }
        }
        return polygons;
    }

    private static bool TryCoordinate(System.Text.Json.Nodes.JsonNode? node, out double value)
    {
        value = 0;
        return node is System.Text.Json.Nodes.JsonValue v && v.TryGetValue(out value) && double.IsFinite(value) && value >= 0;
    }
}
