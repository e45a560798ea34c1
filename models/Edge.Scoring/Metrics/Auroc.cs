namespace Edge.Scoring.Metrics;

/// <summary>
/// Area under the ROC curve, exactly: the probability that a random anomalous sample scores above a random normal
/// one, ties counting one half (the Mann-Whitney U statistic). Sorting makes it O(n log n), fine for millions of pixels.
/// </summary>
public static class Auroc
{
    /// <summary>AUROC of <paramref name="scores"/> against <paramref name="anomalous"/> labels; null when one class is absent.</summary>
    public static double? Compute(ReadOnlySpan<float> scores, ReadOnlySpan<bool> anomalous)
    {
        if (scores.Length != anomalous.Length)
        {
            throw new ArgumentException($"{scores.Length} scores but {anomalous.Length} labels.");
        }
        var order = new int[scores.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }
        var keys = scores.ToArray();
        Array.Sort(keys, order);

        long positives = 0, negatives = 0;
        double rankSumOfPositives = 0;
        for (var start = 0; start < keys.Length;)
        {
            var end = start;
            while (end < keys.Length && keys[end] == keys[start])
            {
                end++;
            }
            // Tied scores share the average of their ranks (1-based).
            var averageRank = (start + 1 + end) / 2.0;
            for (var i = start; i < end; i++)
            {
                if (anomalous[order[i]])
                {
                    positives++;
                    rankSumOfPositives += averageRank;
                }
                else
                {
                    negatives++;
                }
            }
            start = end;
        }
        if (positives == 0 || negatives == 0)
        {
            return null;
        }
        var u = rankSumOfPositives - positives * (positives + 1) / 2.0;
        return u / ((double)positives * negatives);
    }
}
