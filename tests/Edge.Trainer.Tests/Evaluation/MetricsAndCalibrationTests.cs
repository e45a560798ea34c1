using Edge.Bundles.Manifest;
using Edge.Trainer.Data;
using Edge.Trainer.Evaluation;

namespace Edge.Trainer.Tests.Evaluation;

public sealed class MetricsAndCalibrationTests
{
    // Four pixels per image: enough to hand-check pixel figures.
    private static ScoredImage Image(string productClass, string category, float score, float[] map, float[]? mask = null, bool hasMask = true) =>
        new(new DatasetSample($"/{productClass}/{category}/{score}.png", productClass, 0, category, category != "good" && hasMask ? "/mask.png" : null),
            score, map, mask ?? new float[map.Length], (int)Math.Sqrt(map.Length), map.Length / (int)Math.Sqrt(map.Length));

    [Fact]
    public void Image_auroc_counts_the_pairs_ranked_correctly_and_pixel_auroc_covers_every_pixel()
    {
        var images = new[]
        {
            Image("a", "good", 0.1f, [0.1f, 0.2f, 0.1f, 0.1f]),
            Image("a", "good", 0.4f, [0.3f, 0.1f, 0.1f, 0.1f]),
            Image("a", "hole", 0.3f, [0.9f, 0.1f, 0.1f, 0.1f], [1, 0, 0, 0]),
            Image("a", "hole", 0.5f, [0.8f, 0.7f, 0.1f, 0.1f], [1, 1, 0, 0]),
        };

        var metrics = EvaluationMetrics.Compute(images);

        // Defect scores 0.3 and 0.5 against normal 0.1 and 0.4: 3 of 4 pairs in order.
        Assert.Equal(0.75, metrics.ImageAuroc, 12);
        // All three defect pixels (0.9, 0.8, 0.7) score above every one of the 13 normal pixels (at most 0.3).
        Assert.Equal(1.0, metrics.PixelAuroc!.Value, 12);
        Assert.Equal(0.75, metrics.PerClass["a"].ImageAuroc, 12);
    }

    [Fact]
    public void Pixel_auroc_is_null_when_a_defective_image_has_no_mask()
    {
        var images = new[]
        {
            Image("a", "good", 0.1f, [0.1f, 0.1f]),
            Image("a", "hole", 0.5f, [0.9f, 0.1f], hasMask: false),
        };

        Assert.Null(EvaluationMetrics.Compute(images).PixelAuroc);
    }

    [Fact]
    public void Calibrating_at_a_false_alarm_rate_takes_thresholds_from_the_normal_images_only()
    {
        var normal = Enumerable.Range(1, 10).Select(i => Image("a", "good", i / 10f, [i / 100f])).ToList();
        var images = normal.Append(Image("a", "hole", 5f, [5f], [1f])).ToList();

        var (thresholds, statistics, rule) = Calibration.Compute(images, ["a"], falseAlarmRate: 0.1);

        // One normal image in ten may alarm: the threshold is the second largest normal score.
        Assert.Equal(0.9, thresholds.Image, 6);
        Assert.Equal(0.09, thresholds.Pixel, 6);
        Assert.Equal("false-alarm-rate 0.1", rule);
        Assert.Equal(10, statistics.Image.Count);
        Assert.Equal(1.0, statistics.Image.Max, 6);
        Assert.Null(thresholds.PerClass);
    }

    [Fact]
    public void Without_a_rate_labelled_defects_give_the_f1_optimal_thresholds_per_class_too()
    {
        var images = new[]
        {
            Image("a", "good", 0.1f, [0.1f, 0.1f]),
            Image("a", "good", 0.2f, [0.2f, 0.1f]),
            Image("a", "hole", 0.6f, [0.6f, 0.1f], [1, 0]),
            Image("b", "good", 1.1f, [0.1f, 0.3f]),
            Image("b", "hole", 2.0f, [0.1f, 0.8f], [0, 1]),
        };

        var (thresholds, _, rule) = Calibration.Compute(images, ["a", "b"], falseAlarmRate: null);

        Assert.Equal("f1-optimal, false alarms at most 0.05", rule);
        // Class a separates perfectly anywhere in [0.2, 0.6): F1 = 1 just above its best normal image.
        Assert.InRange(thresholds.PerClass!["a"].Image, 0.2, 0.6 - 1e-6);
        Assert.InRange(thresholds.PerClass["b"].Image, 1.1, 2.0 - 1e-6);
        Assert.InRange(thresholds.Pixel, 0.3, 0.6 - 1e-6);
    }

    [Fact]
    public void F1_and_false_alarms_use_each_class_threshold_and_aupro_covers_every_region()
    {
        // One pixel per image. Class a alarms above its own 0.2, class b above the overall 1.0; pixels above 0.5.
        var images = new[]
        {
            Image("a", "good", 0.1f, [0.1f]),
            Image("a", "good", 0.4f, [0.6f]),
            Image("a", "hole", 0.3f, [0.7f], [1]),
            Image("a", "hole", 0.5f, [0.2f], [1]),
            Image("b", "good", 0.5f, [0.1f]),
            Image("b", "hole", 1.5f, [0.9f], [1]),
        };
        var thresholds = new ThresholdSet
        {
            Image = 1.0, Pixel = 0.5, PerClass = new Dictionary<string, ClassThresholds> { ["a"] = new() { Image = 0.2, Pixel = 0.5 } },
        };

        var (all, perClass) = OperatingFigures.Compute(images, thresholds);

        // Images: a has TP 2, FP 1 (the 0.4 good one): F1 4/5, 1 false alarm in 2 normal = 500 per 1,000; b is perfect.
        // All: TP 3, FP 1, FN 0: F1 6/7, 1 in 3 normal images = 333.3 per 1,000.
        Assert.Equal(6.0 / 7, all.ImageF1!.Value, 12);
        Assert.Equal(1000.0 / 3, all.FalseAlarmsPer1000Normal!.Value, 9);
        Assert.Equal((0.8, 500.0), (perClass["a"].ImageF1!.Value, perClass["a"].FalseAlarmsPer1000Normal!.Value));
        Assert.Equal((1.0, 0.0), (perClass["b"].ImageF1!.Value, perClass["b"].FalseAlarmsPer1000Normal!.Value));
        // Pixels: 0.7 and 0.9 found, 0.2 missed, the 0.6 normal pixel alarms: F1 = 4 / 6.
        Assert.Equal(2.0 / 3, all.PixelF1!.Value, 12);
        // Three one-pixel regions (0.9, 0.7, 0.2) and normal pixels 0.6, 0.1, 0.1: PRO is 2/3 from FPR 0 to 1/3, so the
        // area up to 0.3 is 0.3 x 2/3, normalized 2/3.
        Assert.Equal(2.0 / 3, all.PixelAupro!.Value, 12);
        Assert.Null(OperatingFigures.Compute(images, thresholds: null).All.ImageF1);
    }

    [Fact]
    public void The_f1_optimal_threshold_is_raised_to_the_false_alarm_ceiling_where_defects_swamp_the_normal_images()
    {
        // Twenty normal images at 1..20 and eighty defects at 5..24: F1 alone is best just below the lowest defect,
        // which alarms on sixteen of the twenty normal images.
        var normal = Enumerable.Range(1, 20).Select(i => Image("a", "good", i, [i / 100f])).ToList();
        var defects = Enumerable.Range(0, 80).Select(i => Image("a", "hole", 5 + (i % 20), [1f], [1f])).ToList();
        var images = normal.Concat(defects).ToList();

        var (unbounded, _, _) = Calibration.Compute(images, ["a"], falseAlarmRate: null, maxFalseAlarmRate: 0.999);
        var (bounded, _, rule) = Calibration.Compute(images, ["a"], falseAlarmRate: null, maxFalseAlarmRate: 0.1);

        Assert.Equal(16, normal.Count(i => i.Score > unbounded.Image));
        // At most 2 of 20 normal images may alarm: the threshold is the third largest normal score.
        Assert.Equal(18, bounded.Image, 6);
        Assert.Equal("f1-optimal, false alarms at most 0.1", rule);
        // Pixels: F1 already sits above every normal pixel (0.01..0.20), over the ceiling's 0.18: the ceiling only raises.
        Assert.Equal(0.2, bounded.Pixel, 6);
    }

    [Fact]
    public void Calibration_without_normal_images_is_a_clear_error()
    {
        var error = Assert.Throws<Commands.UserInputException>(() =>
            Calibration.Compute([Image("a", "hole", 1f, [1f], [1f])], ["a"], null));

        Assert.Contains("test/good", error.Message, StringComparison.Ordinal);
    }
}
