namespace Edge.Scoring.Metrics;

/// <summary>Points of the ROC curve (false-positive rate, true-positive rate, threshold), for reports.</summary>
public static class RocCurve
{
    /// <summary>At most <paramref name="maxPoints"/> points from (0,0) to (1,1), thresholds descending.</summary>
    public static IReadOnlyList<(double FalsePositiveRate, double TruePositiveRate, float Threshold)> Compute(
        ReadOnlySpan<float> scores, ReadOnlySpan<bool> anomalous, int maxPoints = 200)
    {
        var order = Enumerable.Range(0, scores.Length).ToArray();
        var keys = scores.ToArray();
        Array.Sort(keys, order);
        Array.Reverse(keys);
        Array.Reverse(order);
        long positives = 0;
        foreach (var a in anomalous)
        {
            positives += a ? 1 : 0;
        }
        long negatives = scores.Length - positives;
        var points = new List<(double, double, float)> { (0, 0, float.PositiveInfinity) };
        if (positives == 0 || negatives == 0)
        {
            return points;
        }
        long tp = 0, fp = 0;
        var step = Math.Max(1, keys.Length / maxPoints);
        for (var i = 0; i < keys.Length; i++)
        {
            if (anomalous[order[i]])
            {
                tp++;
            }
            else
            {
                fp++;
            }
            var lastOfTie = i == keys.Length - 1 || keys[i + 1] != keys[i];
            if (lastOfTie && (i % step == 0 || i == keys.Length - 1))
            {
                points.Add(((double)fp / negatives, (double)tp / positives, keys[i]));
            }
        }
        return points;
    }
}
