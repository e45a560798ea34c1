using System.Text.Json;
using Edge.Bundles.Json;

namespace Edge.Bundles.Manifest;

/// <summary>Summary of a set of scores: count, mean, population standard deviation, quantiles and maximum.</summary>
public sealed record ScoreStatistics
{
    internal static readonly ScoreStatistics Empty = new()
    {
        Count = 0,
        Mean = 0,
        Std = 0,
        Quantiles = new ScoreQuantiles { P50 = 0, P90 = 0, P95 = 0, P99 = 0, P999 = 0 },
        Max = 0,
    };

    public required long Count { get; init; }

    public required double Mean { get; init; }

    /// <summary>Population standard deviation (divides by the count, like numpy's default).</summary>
    public required double Std { get; init; }

    public required ScoreQuantiles Quantiles { get; init; }

    public required double Max { get; init; }

    internal static ScoreStatistics Read(JsonObjectReader r)
    {
        var stats = new ScoreStatistics
        {
            Count = r.Long("count", 1),
            Mean = r.Number("mean"),
            Std = r.Number("std", 0),
            Quantiles = r.Object("quantiles", ScoreQuantiles.Read) ?? Empty.Quantiles,
            Max = r.Number("max"),
        };
        if (stats.Max < stats.Quantiles.P999)
        {
            r.Problems.Add(r.PathOf("max"), $"must be at least the 99.9th percentile {stats.Quantiles.P999}, found {stats.Max}");
        }
        return stats;
    }

    internal void Write(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteNumber("count", Count);
        w.WriteNumber("mean", Mean);
        w.WriteNumber("std", Std);
        w.WritePropertyName("quantiles");
        Quantiles.Write(w);
        w.WriteNumber("max", Max);
        w.WriteEndObject();
    }
}
