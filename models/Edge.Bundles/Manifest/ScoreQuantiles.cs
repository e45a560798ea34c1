using System.Text.Json;
using Edge.Bundles.Json;

namespace Edge.Bundles.Manifest;

/// <summary>The 50th, 90th, 95th, 99th and 99.9th percentiles of a set of scores (numpy's linear interpolation).</summary>
public sealed record ScoreQuantiles
{
    public required double P50 { get; init; }

    public required double P90 { get; init; }

    public required double P95 { get; init; }

    public required double P99 { get; init; }

    public required double P999 { get; init; }

    internal static ScoreQuantiles Read(JsonObjectReader r)
    {
        var q = new ScoreQuantiles
        {
            P50 = r.Number("p50"),
            P90 = r.Number("p90"),
            P95 = r.Number("p95"),
            P99 = r.Number("p99"),
            P999 = r.Number("p999"),
        };
        (string Name, double Value)[] ordered = [("p50", q.P50), ("p90", q.P90), ("p95", q.P95), ("p99", q.P99), ("p999", q.P999)];
        for (var i = 1; i < ordered.Length; i++)
        {
            if (ordered[i].Value < ordered[i - 1].Value)
            {
                r.Problems.Add(r.PathOf(ordered[i].Name), $"must not be below {ordered[i - 1].Name} ({ordered[i - 1].Value}), found {ordered[i].Value}");
            }
        }
        return q;
    }

    internal void Write(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteNumber("p50", P50);
        w.WriteNumber("p90", P90);
        w.WriteNumber("p95", P95);
        w.WriteNumber("p99", P99);
        w.WriteNumber("p999", P999);
        w.WriteEndObject();
    }
}
