namespace Edge.Scoring.Metrics;

/// <summary>Chooses alarm thresholds: from normal scores at a target false-alarm rate, or the F1-optimal point where defects are labelled.</summary>
public static class ThresholdCalibration
{
    /// <summary>
    /// The smallest threshold that alarms on at most <paramref name="falseAlarmRate"/> of the normal scores
    /// (a score alarms when it is strictly above the threshold).
    /// </summary>
    public static float AtFalseAlarmRate(ReadOnlySpan<float> normalScores, double falseAlarmRate)
    {
        if (normalScores.IsEmpty)
        {
            throw new ArgumentException("Calibration needs normal scores.");
        }
        if (falseAlarmRate is < 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(falseAlarmRate), falseAlarmRate, "must be in [0, 1)");
        }
        var sorted = normalScores.ToArray();
        Array.Sort(sorted);
        var allowed = (int)Math.Floor(falseAlarmRate * sorted.Length);
        // Everything above sorted[n - 1 - allowed] may alarm: that is at most `allowed` scores.
        return sorted[sorted.Length - 1 - allowed];
    }

    /// <summary>The threshold with the best F1 (anomalous = positive, score &gt; threshold alarms), and that F1.</summary>
    public static (float Threshold, double F1) F1Optimal(ReadOnlySpan<float> scores, ReadOnlySpan<bool> anomalous)
    {
        var order = Enumerable.Range(0, scores.Length).ToArray();
        var keys = scores.ToArray();
        Array.Sort(keys, order);
        long positives = 0;
        foreach (var a in anomalous)
        {
            positives += a ? 1 : 0;
        }
        if (positives == 0)
        {
            throw new ArgumentException("F1 calibration needs anomalous samples.");
        }
        // Walk thresholds from the top: at index i, everything above keys[i] alarms.
        long tp = 0, fp = 0;
        var best = (Threshold: keys[^1], F1: 0.0);
        for (var i = keys.Length - 1; i >= 0; i--)
        {
            var threshold = keys[i];
            var f1 = tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + (positives - tp));
            if (f1 > best.F1)
            {
                best = (threshold, f1);
            }
            // Add all samples tied at this score before moving to the next threshold.
            var j = i;
            while (j >= 0 && keys[j] == threshold)
            {
                if (anomalous[order[j]])
                {
                    tp++;
                }
                else
                {
                    fp++;
                }
                j--;
            }
            i = j + 1;
        }
        var everything = 2.0 * tp / (2.0 * tp + fp);
        if (everything > best.F1)
        {
            best = (float.BitDecrement(keys[0]), everything);
        }
        return best;
    }
}
