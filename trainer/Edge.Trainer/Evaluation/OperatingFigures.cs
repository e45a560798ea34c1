using Edge.Bundles.Manifest;
using Edge.Scoring.Metrics;

namespace Edge.Trainer.Evaluation;

/// <summary>
/// What <c>evaluate</c> reports beside AUROC, for all images and per product class: the normalized area under the
/// per-region-overlap curve up to a false-positive rate of 0.3 (<see cref="PerRegionOverlap"/>), and at the bundle's
/// calibrated thresholds (each image at its class's thresholds where the manifest has them, as the device does)
/// image and pixel F1 and the false alarms per 1,000 normal images.
/// </summary>
/// <param name="PixelAupro">Null where pixel labels are incomplete (as pixel AUROC).</param>
/// <param name="ImageF1">Null without thresholds, or where F1 is undefined (no defective image and no alarm).</param>
/// <param name="PixelF1">Over every pixel at the pixel threshold; null without thresholds or complete pixel labels.</param>
/// <param name="FalseAlarmsPer1000Normal">Normal images over the image threshold, per 1,000; null without thresholds or normal images.</param>
public sealed record OperatingFigures(double? PixelAupro, double? ImageF1, double? PixelF1, double? FalseAlarmsPer1000Normal)
{
    /// <param name="thresholds">The calibrated thresholds, or null (uncalibrated, or scored by another method than they were set for).</param>
    public static (OperatingFigures All, IReadOnlyDictionary<string, OperatingFigures> PerClass) Compute(IReadOnlyList<ScoredImage> images, ThresholdSet? thresholds)
    {
        ArgumentNullException.ThrowIfNull(images);
        var perClass = images.GroupBy(i => i.Sample.ProductClass)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Of(g.ToList(), thresholds), StringComparer.Ordinal);
        return (Of(images, thresholds), perClass);
    }

    private static OperatingFigures Of(IReadOnlyList<ScoredImage> images, ThresholdSet? thresholds)
    {
        var pixelLabels = EvaluationMetrics.HasPixelLabels(images);
        double? aupro = null;
        if (pixelLabels)
        {
            aupro = PerRegionOverlap.NormalizedArea(
                images.Select(i => i.Map).ToList(), images.Select(i => EvaluationMetrics.MaskLabels(i.Mask)).ToList(), images.Select(i => (i.MapWidth, i.MapHeight)).ToList());
        }
        if (thresholds is null)
        {
            return new OperatingFigures(aupro, null, null, null);
        }
        var image = new ConfusionCounts();
        var pixel = new ConfusionCounts();
        foreach (var scored in images)
        {
            var own = thresholds.PerClass?.GetValueOrDefault(scored.Sample.ProductClass);
            image.Add(scored.Score, scored.Sample.IsAnomalous, thresholds.ImageFor(scored.Sample.ProductClass));
            if (pixelLabels)
            {
                pixel.AddAll(scored.Map, EvaluationMetrics.MaskLabels(scored.Mask), own?.Pixel ?? thresholds.Pixel);
            }
        }
        return new OperatingFigures(aupro, image.F1, pixelLabels ? pixel.F1 : null, image.FalseAlarmsPerThousandNormal);
    }
}
