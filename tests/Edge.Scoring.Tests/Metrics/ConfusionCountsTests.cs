using Edge.Scoring.Metrics;

namespace Edge.Scoring.Tests.Metrics;

public sealed class ConfusionCountsTests
{
    [Fact]
    public void F1_and_false_alarms_per_thousand_normal_at_a_threshold_count_scores_strictly_above_it()
    {
        var counts = new ConfusionCounts();

        // Threshold 0.5: anomalous 0.9 and 0.6 alarm, 0.5 (equal) does not; normal 0.7 alarms, 0.2, 0.5 and 0.1 do not.
        counts.AddAll([0.9f, 0.6f, 0.5f, 0.7f, 0.2f, 0.5f, 0.1f], [true, true, true, false, false, false, false], 0.5);

        Assert.Equal((2, 1, 1, 3), (counts.TruePositives, counts.FalsePositives, counts.FalseNegatives, counts.TrueNegatives));
        // F1 = 2 x 2 / (2 x 2 + 1 + 1) = 2/3; one false alarm in four normal samples = 250 per 1,000.
        Assert.Equal(2.0 / 3, counts.F1!.Value, 12);
        Assert.Equal(250.0, counts.FalseAlarmsPerThousandNormal!.Value, 12);
    }

    [Fact]
    public void Without_normal_samples_there_is_no_false_alarm_rate_and_without_any_positive_no_f1()
    {
        var anomalousOnly = new ConfusionCounts();
        anomalousOnly.Add(1f, anomalous: true, threshold: 0.5);
        var quietNormal = new ConfusionCounts();
        quietNormal.Add(0.1f, anomalous: false, threshold: 0.5);

        Assert.Null(anomalousOnly.FalseAlarmsPerThousandNormal);
        Assert.Equal(1.0, anomalousOnly.F1);
        Assert.Null(quietNormal.F1);
        Assert.Equal(0.0, quietNormal.FalseAlarmsPerThousandNormal);
    }
}
