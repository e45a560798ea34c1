using System.Globalization;
using System.Text.Json;
using Edge.Scoring.Metrics;
using Edge.Testing;

namespace Edge.Scoring.Tests.Metrics;

public sealed class CalibrationTests
{
    [Fact]
    public void Threshold_at_five_percent_false_alarms_lets_exactly_five_of_a_hundred_normal_scores_through()
    {
        var normal = Enumerable.Range(1, 100).Select(i => (float)i).Reverse().ToArray();

        var threshold = ThresholdCalibration.AtFalseAlarmRate(normal, 0.05);

        Assert.Equal(95f, threshold);
        Assert.Equal(5, normal.Count(s => s > threshold));
    }

    [Fact]
    public void Zero_false_alarm_rate_puts_the_threshold_at_the_highest_normal_score()
    {
        Assert.Equal(7f, ThresholdCalibration.AtFalseAlarmRate([1f, 7f, 3f], 0));
    }

    [Fact]
    public void F1_optimal_threshold_separates_a_hand_made_case()
    {
        // Normal 0.1, 0.2, 0.3, 0.6; anomalous 0.5, 0.7, 0.9. Alarming above 0.3 gives tp 3, fp 1: F1 = 6/7.
        float[] scores = [0.1f, 0.2f, 0.3f, 0.6f, 0.5f, 0.7f, 0.9f];
        bool[] labels = [false, false, false, false, true, true, true];

        var (threshold, f1) = ThresholdCalibration.F1Optimal(scores, labels);

        Assert.Equal(0.3f, threshold);
        Assert.Equal(6.0 / 7.0, f1, 12);
    }

    [Fact]
    public void Statistics_quantiles_match_numpy()
    {
        var random = new Random(4);
        var scores = Enumerable.Range(0, 1001).Select(_ => (float)(random.NextDouble() * 10)).ToArray();
        var text = string.Join(",", scores.Select(s => s.ToString("R", CultureInfo.InvariantCulture)));

        var stats = ScoreStatistics.Of(scores);
        var numpy = RunNumpy(text);

        Assert.Equal(numpy[0], stats.P50, 4);
        Assert.Equal(numpy[1], stats.P90, 4);
        Assert.Equal(numpy[2], stats.P95, 4);
        Assert.Equal(numpy[3], stats.P99, 4);
        Assert.Equal(numpy[4], stats.P999, 4);
        Assert.Equal(numpy[5], stats.Mean, 4);
        Assert.Equal(numpy[6], stats.Std, 4);
        Assert.Equal(scores.Max(), stats.Max);
        Assert.Equal(1001, stats.Count);
    }

    private static double[] RunNumpy(string csv)
    {
        var output = ExternalTool.Run(ExternalTool.DebianPython,
        [
            "-c",
            "import sys, json, numpy as np; a = np.array([float(v) for v in sys.stdin.read().split(',')], dtype=np.float32);"
            + "print(json.dumps([float(np.quantile(a, q)) for q in (0.5, 0.9, 0.95, 0.99, 0.999)] + [float(a.astype(np.float64).mean()), float(a.astype(np.float64).std())]))",
        ], standardInput: csv);
        return JsonSerializer.Deserialize<double[]>(output)!;
    }
}
