using Edge.Detection.Frames;

namespace Edge.Agent.Configuration;

/// <summary>Reads a camera's <c>roi</c>: a list of polygons, each at least 3 [x, y] points in frame pixels.</summary>
internal static class RoiReader
{
    public static IReadOnlyList<RoiPolygon> ReadAll(ConfigReader r, string key)
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
