using Edge.Bundles.Manifest;
using Edge.Scoring.Metrics;
using Edge.Trainer.Commands;
using ManifestStatistics = Edge.Bundles.Manifest.ScoreStatistics;
using ScoreCalculator = Edge.Scoring.Metrics.ScoreStatistics;

namespace Edge.Trainer.Evaluation;

/// <summary>
/// Thresholds from scored validation images: at a chosen false-alarm rate on the normal images, or, where defects
/// are labelled, the F1-optimal point (pixels need masks for that; without them the pixel threshold falls back to the
/// false-alarm rate). The F1-optimal point is bounded by a false-alarm ceiling: where normal and defective scores
/// overlap, F1 alone can put the threshold below most normal images (the demo once alarmed on every normal image), and
/// an appliance that cries wolf on every frame is switched off. Also the normal-score statistics the thresholds came from.
/// </summary>
public static class Calibration
{
    public const double DefaultFalseAlarmRate = 0.01;

    /// <summary>The share of normal images (and pixels) an F1-optimal threshold may alarm on, at most.</summary>
    public const double DefaultMaxFalseAlarmRate = 0.05;

    /// <param name="falseAlarmRate">Null: F1-optimal where defects are labelled, else <see cref="DefaultFalseAlarmRate"/>.</param>
    /// <param name="maxFalseAlarmRate">The ceiling on an F1-optimal threshold's false alarms among the normal images and pixels.</param>
    public static (ThresholdSet Thresholds, NormalStatistics Statistics, string Rule) Compute(
        IReadOnlyList<ScoredImage> images, IReadOnlyList<string> bundleClasses, double? falseAlarmRate,
        double maxFalseAlarmRate = DefaultMaxFalseAlarmRate)
    {
        ArgumentNullException.ThrowIfNull(images);
        var normal = images.Where(i => !i.Sample.IsAnomalous).ToList();
        if (normal.Count == 0)
        {
            throw new UserInputException("Calibration needs normal validation images (test/good/).");
        }
        var useF1 = falseAlarmRate is null && images.Any(i => i.Sample.IsAnomalous);
        var rate = falseAlarmRate ?? DefaultFalseAlarmRate;
        var bound = new Bound(useF1, rate, maxFalseAlarmRate);
        var overall = Thresholds(images, normal, bound);
        Dictionary<string, ClassThresholds>? perClass = null;
        if (bundleClasses.Count > 1)
        {
            perClass = images.GroupBy(i => i.Sample.ProductClass).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(
                g => g.Key,
                g =>
                {
                    var classImages = g.ToList();
                    var classNormal = classImages.Where(i => !i.Sample.IsAnomalous).ToList();
                    var (image, pixel) = classNormal.Count == 0 ? overall : Thresholds(classImages, classNormal, bound);
                    return new ClassThresholds { Image = image, Pixel = pixel };
                },
                StringComparer.Ordinal);
        }
        var statistics = new NormalStatistics
        {
            Image = ToManifest(ScoreCalculator.Of(normal.Select(i => i.Score).ToArray())),
            Pixel = ToManifest(ScoreCalculator.Of(EvaluationMetrics.Pixels(normal).Scores)),
        };
        var rule = useF1
            ? FormattableString.Invariant($"f1-optimal, false alarms at most {maxFalseAlarmRate}")
            : FormattableString.Invariant($"false-alarm-rate {rate}");
        return (new ThresholdSet { Image = overall.Image, Pixel = overall.Pixel, PerClass = perClass }, statistics, rule);
    }

    /// <summary>How thresholds are chosen: F1-optimal under a false-alarm ceiling, or at a false-alarm rate.</summary>
    private sealed record Bound(bool UseF1, double Rate, double MaxRate);

    private static (double Image, double Pixel) Thresholds(IReadOnlyList<ScoredImage> images, IReadOnlyList<ScoredImage> normal, Bound bound)
    {
        var normalScores = normal.Select(i => i.Score).ToArray();
        var image = bound.UseF1
            ? Math.Max(
                ThresholdCalibration.F1Optimal(images.Select(i => i.Score).ToArray(), images.Select(i => i.Sample.IsAnomalous).ToArray()).Threshold,
                ThresholdCalibration.AtFalseAlarmRate(normalScores, bound.MaxRate))
            : ThresholdCalibration.AtFalseAlarmRate(normalScores, bound.Rate);
        var masksComplete = images.Where(i => i.Sample.IsAnomalous).All(i => i.Sample.MaskPath is not null);
        var normalPixels = EvaluationMetrics.Pixels(normal).Scores;
        float pixel;
        if (bound.UseF1 && masksComplete)
        {
            var (scores, labels) = EvaluationMetrics.Pixels(images);
            pixel = Math.Max(ThresholdCalibration.F1Optimal(scores, labels).Threshold, ThresholdCalibration.AtFalseAlarmRate(normalPixels, bound.MaxRate));
        }
        else
        {
            pixel = ThresholdCalibration.AtFalseAlarmRate(normalPixels, bound.UseF1 ? DefaultFalseAlarmRate : bound.Rate);
        }
        return (image, pixel);
    }

    /// <summary>The manifest's record of statistics, filled from the calculator's.</summary>
    public static ManifestStatistics ToManifest(ScoreCalculator s) => new()
    {
        Count = s.Count,
        Mean = s.Mean,
        Std = s.Std,
        Quantiles = new ScoreQuantiles { P50 = s.P50, P90 = s.P90, P95 = s.P95, P99 = s.P99, P999 = s.P999 },
        Max = s.Max,
    };
}
