namespace Edge.Scoring.Metrics;

/// <summary>Summary of scores on normal data: what thresholds are calibrated against and the manifest records.</summary>
public sealed record ScoreStatistics(long Count, double Mean, double Std, float P50, float P90, float P95, float P99, float P999, float Max)
{
    public static ScoreStatistics Of(ReadOnlySpan<float> scores)
    {
        if (scores.IsEmpty)
        {
            throw new ArgumentException("No scores to summarize.");
        }
        var sorted = scores.ToArray();
        Array.Sort(sorted);
        double sum = 0, squares = 0;
        foreach (var s in sorted)
        {
            sum += s;
            squares += (double)s * s;
        }
        var mean = sum / sorted.Length;
        var variance = Math.Max(0, squares / sorted.Length - mean * mean);
        return new ScoreStatistics(sorted.Length, mean, Math.Sqrt(variance),
            Quantile(sorted, 0.5), Quantile(sorted, 0.9), Quantile(sorted, 0.95), Quantile(sorted, 0.99), Quantile(sorted, 0.999), sorted[^1]);
    }

    /// <summary>Linear-interpolated quantile of already sorted values (numpy's default "linear" method).</summary>
    public static float Quantile(ReadOnlySpan<float> sorted, double q)
    {
        if (sorted.IsEmpty)
        {
            throw new ArgumentException("No values.");
        }
        var position = q * (sorted.Length - 1);
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, sorted.Length - 1);
        return (float)(sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower));
    }
}
