using Edge.Bundles.Manifest;
using Edge.Scoring.Metrics;
using Edge.Trainer.Commands;
using ManifestStatistics = Edge.Bundles.Manifest.ScoreStatistics;
using ScoreCalculator = Edge.Scoring.Metrics.ScoreStatistics;

namespace Edge.Trainer.Evaluation;

/// <summary>
/// Thresholds from scored validation images: at a chosen false-alarm rate on the normal images, or, where defects
/// are labelled, the F1-optimal point (pixels need masks for that; without them the pixel threshold falls back to the
/// false-alarm rate). Also the normal-score statistics the thresholds came from.
/// </summary>
public static class Calibration
{
    public const double DefaultFalseAlarmRate = 0.01;

    /// <param name="falseAlarmRate">Null: F1-optimal where defects are labelled, else <see cref="DefaultFalseAlarmRate"/>.</param>
    public static (ThresholdSet Thresholds, NormalStatistics Statistics, string Rule) Compute(
        IReadOnlyList<ScoredImage> images, IReadOnlyList<string> bundleClasses, double? falseAlarmRate)
    {
        ArgumentNullException.ThrowIfNull(images);
        var normal = images.Where(i => !i.Sample.IsAnomalous).ToList();
        if (normal.Count == 0)
        {
            throw new UserInputException("Calibration needs normal validation images (test/good/).");
        }
        var useF1 = falseAlarmRate is null && images.Any(i => i.Sample.IsAnomalous);
        var rate = falseAlarmRate ?? DefaultFalseAlarmRate;
        var overall = Thresholds(images, normal, useF1, rate);
        Dictionary<string, ClassThresholds>? perClass = null;
        if (bundleClasses.Count > 1)
        {
            perClass = images.GroupBy(i => i.Sample.ProductClass).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(
                g => g.Key,
                g =>
                {
                    var classImages = g.ToList();
                    var classNormal = classImages.Where(i => !i.Sample.IsAnomalous).ToList();
                    var (image, pixel) = classNormal.Count == 0 ? overall : Thresholds(classImages, classNormal, useF1, rate);
                    return new ClassThresholds { Image = image, Pixel = pixel };
                },
                StringComparer.Ordinal);
        }
        var statistics = new NormalStatistics
        {
            Image = ToManifest(ScoreCalculator.Of(normal.Select(i => i.Score).ToArray())),
            Pixel = ToManifest(ScoreCalculator.Of(EvaluationMetrics.Pixels(normal).Scores)),
        };
        var rule = useF1 ? "f1-optimal" : $"false-alarm-rate {rate}";
        return (new ThresholdSet { Image = overall.Image, Pixel = overall.Pixel, PerClass = perClass }, statistics, rule);
    }

    private static (double Image, double Pixel) Thresholds(IReadOnlyList<ScoredImage> images, IReadOnlyList<ScoredImage> normal, bool useF1, double rate)
    {
        var image = useF1
            ? ThresholdCalibration.F1Optimal(images.Select(i => i.Score).ToArray(), images.Select(i => i.Sample.IsAnomalous).ToArray()).Threshold
            : ThresholdCalibration.AtFalseAlarmRate(normal.Select(i => i.Score).ToArray(), rate);
        var masksComplete = images.Where(i => i.Sample.IsAnomalous).All(i => i.Sample.MaskPath is not null);
        float pixel;
        if (useF1 && masksComplete)
        {
            var (scores, labels) = EvaluationMetrics.Pixels(images);
            pixel = ThresholdCalibration.F1Optimal(scores, labels).Threshold;
        }
        else
        {
            pixel = ThresholdCalibration.AtFalseAlarmRate(EvaluationMetrics.Pixels(normal).Scores, useF1 ? DefaultFalseAlarmRate : rate);
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
