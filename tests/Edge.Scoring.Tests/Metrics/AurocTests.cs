using Edge.Scoring.Metrics;

namespace Edge.Scoring.Tests.Metrics;

public sealed class AurocTests
{
    [Fact]
    public void Perfect_separation_gives_one_and_reversed_gives_zero()
    {
        float[] scores = [0.1f, 0.2f, 0.8f, 0.9f];

        Assert.Equal(1.0, Auroc.Compute(scores, [false, false, true, true]));
        Assert.Equal(0.0, Auroc.Compute(scores, [true, true, false, false]));
    }

    [Fact]
    public void All_scores_tied_gives_one_half()
    {
        Assert.Equal(0.5, Auroc.Compute([3f, 3f, 3f, 3f, 3f], [true, false, true, false, false]));
    }

    [Fact]
    public void Hand_computed_case_counts_winning_pairs()
    {
        // Positive/negative pairs: (0.35, 0.1) win, (0.35, 0.4) lose, (0.8, 0.1) win, (0.8, 0.4) win -> 3/4.
        Assert.Equal(0.75, Auroc.Compute([0.1f, 0.4f, 0.35f, 0.8f], [false, false, true, true]));
    }

    [Fact]
    public void Matches_counting_every_pair_on_random_scores_with_ties()
    {
        var random = new Random(3);
        var scores = Enumerable.Range(0, 400).Select(_ => random.Next(40) / 4f).ToArray();
        var labels = scores.Select(s => random.NextDouble() < 0.2 + s / 20).ToArray();
        double wins = 0;
        long pairs = 0;
        for (var i = 0; i < scores.Length; i++)
        {
            for (var j = 0; j < scores.Length; j++)
            {
                if (labels[i] && !labels[j])
                {
                    pairs++;
                    wins += scores[i] > scores[j] ? 1 : scores[i] == scores[j] ? 0.5 : 0;
                }
            }
        }

        Assert.Equal(wins / pairs, Auroc.Compute(scores, labels)!.Value, 12);
    }

    [Fact]
    public void One_class_only_gives_no_auroc()
    {
        Assert.Null(Auroc.Compute([1f, 2f], [false, false]));
    }

    [Fact]
    public void Roc_curve_runs_from_origin_to_one_one_with_rising_rates()
    {
        var curve = RocCurve.Compute([0.1f, 0.4f, 0.35f, 0.8f], [false, false, true, true]);

        Assert.Equal((0.0, 0.0), (curve[0].FalsePositiveRate, curve[0].TruePositiveRate));
        Assert.Equal((1.0, 1.0), (curve[^1].FalsePositiveRate, curve[^1].TruePositiveRate));
        for (var i = 1; i < curve.Count; i++)
        {
            Assert.True(curve[i].FalsePositiveRate >= curve[i - 1].FalsePositiveRate);
            Assert.True(curve[i].TruePositiveRate >= curve[i - 1].TruePositiveRate);
        }
        Assert.Contains(curve, p => p.FalsePositiveRate == 0.0 && p.TruePositiveRate == 0.5);
    }
}
