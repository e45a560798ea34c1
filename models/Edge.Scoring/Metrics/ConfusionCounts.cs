namespace Edge.Scoring.Metrics;

/// <summary>
/// Alarms against labels at fixed thresholds (an alarm is a score strictly above its threshold, as on the device):
/// F1 and false alarms per 1,000 normal samples. Add samples one by one, each at its own threshold (a class's).
/// </summary>
public sealed class ConfusionCounts
{
    public long TruePositives { get; private set; }

    public long FalsePositives { get; private set; }

    public long FalseNegatives { get; private set; }

    public long TrueNegatives { get; private set; }

    /// <summary>2 TP / (2 TP + FP + FN); null when there is no anomalous sample and no alarm (F1 is undefined).</summary>
    public double? F1 => TruePositives + FalsePositives + FalseNegatives == 0
        ? null
        : 2.0 * TruePositives / (2.0 * TruePositives + FalsePositives + FalseNegatives);

    /// <summary>1000 FP / (FP + TN); null without normal samples.</summary>
    public double? FalseAlarmsPerThousandNormal => FalsePositives + TrueNegatives == 0
        ? null
        : 1000.0 * FalsePositives / (FalsePositives + TrueNegatives);

    public void Add(float score, bool anomalous, double threshold)
    {
        var alarm = score > threshold;
        if (anomalous)
        {
            if (alarm)
            {
                TruePositives++;
            }
            else
            {
                FalseNegatives++;
            }
        }
        else if (alarm)
        {
            FalsePositives++;
        }
        else
        {
            TrueNegatives++;
        }
    }

    /// <summary>Adds every sample at one threshold.</summary>
    public void AddAll(ReadOnlySpan<float> scores, ReadOnlySpan<bool> anomalous, double threshold)
    {
        if (scores.Length != anomalous.Length)
        {
            throw new ArgumentException($"{scores.Length} scores but {anomalous.Length} labels.");
        }
        for (var i = 0; i < scores.Length; i++)
        {
            Add(scores[i], anomalous[i], threshold);
        }
    }
}
