using Edge.Bundles.Files;
using Edge.Bundles.Manifest;
using Edge.Detection;
using Edge.Detection.Frames;
using Edge.Imaging;
using Edge.Scoring.Maps;
using Edge.Testing;
using Edge.Trainer.Tests.Evaluation;

namespace Edge.Trainer.Tests.Detection;

public sealed class FrameScorerTests(TinyBundleFixture fixture) : IClassFixture<TinyBundleFixture>
{
    [Fact]
    public void Two_scorers_of_different_classes_take_their_own_class_thresholds_and_judge_the_same_frame_differently()
    {
        using var folder = new TempFolder();
        var path = WithManifest(folder, m => m with
        {
            Thresholds = new ThresholdSet
            {
                Image = 0.5, Pixel = 0.25,
                PerClass = new Dictionary<string, ClassThresholds>
                {
                    ["grain"] = new() { Image = 0, Pixel = 0.125 },
                    ["weave"] = new() { Image = 1e9, Pixel = 2e9 },
                },
            },
        });
        using var model = BundleModel.Open(path);
        using var grain = new FrameScorer(model, new FrameScorerSettings { ProductClass = "grain" });
        using var weave = new FrameScorer(model, new FrameScorerSettings { ProductClass = "weave" });
        var frame = NormalImage("grain");

        var onGrain = grain.Score(frame.AsView());
        var onWeave = weave.Score(frame.AsView());

        Assert.Equal(new ScoringThresholds(0, 0.125), grain.Thresholds);
        Assert.Equal(new ScoringThresholds(1e9, 2e9), weave.Thresholds);
        Assert.Equal(0, onGrain.Threshold);
        Assert.Equal(1e9, onWeave.Threshold);
        Assert.True(onGrain.Anomalous);
        Assert.False(onWeave.Anomalous);
    }

    [Fact]
    public void A_class_without_thresholds_of_its_own_takes_the_pooled_ones_and_a_configured_threshold_wins_over_both()
    {
        var manifest = Bundle.Open(fixture.BundleFolder).Manifest with
        {
            Thresholds = new ThresholdSet
            {
                Image = 0.5, Pixel = 0.25,
                PerClass = new Dictionary<string, ClassThresholds> { ["grain"] = new() { Image = 0.75, Pixel = 0.375 } },
            },
        };

        Assert.Equal(new ScoringThresholds(0.75, 0.375), ScoringThresholds.For(manifest, "grain", null));
        Assert.Equal(new ScoringThresholds(0.5, 0.25), ScoringThresholds.For(manifest, "weave", null));
        Assert.Equal(new ScoringThresholds(2, 0.375), ScoringThresholds.For(manifest, "grain", 2));
        // Uncalibrated: a configured threshold serves the box too; without one nothing is judged.
        var uncalibrated = manifest with { Thresholds = null };
        Assert.Equal(new ScoringThresholds(3, 3), ScoringThresholds.For(uncalibrated, "grain", 3));
        Assert.Equal(new ScoringThresholds(null, null), ScoringThresholds.For(uncalibrated, "grain", null));
    }

    [Fact]
    public void An_unknown_class_is_refused_naming_the_bundle_s_classes()
    {
        using var model = BundleModel.Open(fixture.BundleFolder);

        var error = Assert.Throws<ArgumentException>(() => new FrameScorer(model, new FrameScorerSettings { ProductClass = "bottle", Label = "camera line1" }));

        Assert.Equal("camera line1: class 'bottle' is not one of the bundle's product classes (grain, weave)", error.Message);
    }

    [Fact]
    public void With_a_roi_the_score_is_the_manifest_s_quantile_of_the_pixels_inside_and_outside_is_zero()
    {
        using var folder = new TempFolder();
        var path = WithManifest(folder, m => m with { Scoring = m.Scoring with { ImageScore = ImageScoreReduction.Quantile, Quantile = 0.5 } });
        using var model = BundleModel.Open(path);
        var image = NormalImage("grain");
        // The left half of the image.
        var left = new RoiPolygon([(0, 0), (image.Width / 2.0, 0), (image.Width / 2.0, image.Height), (0, image.Height)]);
        using var scorer = new FrameScorer(model, new FrameScorerSettings { Roi = [left] });

        var score = scorer.Score(image.AsView()).Score;

        var mask = new RoiMask([left], image.Width, image.Height, new PixelRect(0, 0, image.Width, image.Height), scorer.MapWidth, scorer.MapHeight);
        var map = scorer.Map.ToArray();
        var inside = map.Where((_, i) => mask.Contains(i)).Order().ToArray();
        Assert.Equal(map.Length / 2, inside.Length);
        Assert.Equal(Scoring.Metrics.ScoreStatistics.Quantile(inside, 0.5), score, 6);
        Assert.True(score < inside[^1], $"the median {score} is not the maximum {inside[^1]}");
        Assert.All(map.Where((_, i) => !mask.Contains(i)), v => Assert.Equal(0f, v));
    }

    [Fact]
    public void A_cropped_frame_scores_as_the_crop_alone_and_the_box_lands_in_frame_pixels()
    {
        using var model = BundleModel.Open(fixture.BundleFolder);
        var image = NormalImage("grain");
        // The image pasted at (40, 8) in a larger grey frame.
        var frame = new Image(image.Width + 64, image.Height + 16, PixelLayout.Rgb);
        frame.Pixels.AsSpan().Fill(128);
        for (var y = 0; y < image.Height; y++)
        {
            image.Row(y).CopyTo(frame.Row(y + 8)[(40 * 3)..]);
        }
        using var whole = new FrameScorer(model);
        using var cropped = new FrameScorer(model, new FrameScorerSettings { Crop = new PixelRect(40, 8, image.Width, image.Height) });

        var alone = whole.Score(image.AsView());
        var inFrame = cropped.Score(frame.AsView());

        Assert.Equal(alone.Score, inFrame.Score, 6);
        Assert.Equal(alone.Box with { X = alone.Box.X + 40, Y = alone.Box.Y + 8 }, inFrame.Box);
        Assert.Throws<InvalidOperationException>(() => cropped.Score(image.AsView()));
    }

    [Fact]
    public void Scoring_frames_allocates_nothing_once_the_scorer_has_seen_the_frame_size()
    {
        using var model = BundleModel.Open(fixture.BundleFolder);
        var frame = new Image(640, 480, PixelLayout.Rgb);
        new Random(1).NextBytes(frame.Pixels);
        var roi = new RoiPolygon([(100, 50), (500, 60), (300, 400)]);
        using var scorer = new FrameScorer(model, new FrameScorerSettings { Crop = new PixelRect(80, 40, 480, 400), Roi = [roi] });
        scorer.Score(frame.AsView());

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 20; i++)
        {
            scorer.Score(frame.AsView());
        }
        var perFrame = (GC.GetAllocatedBytesForCurrentThread() - before) / 20.0;

        Assert.True(perFrame < 64, $"{perFrame} bytes allocated per frame");
    }

    [Fact]
    public void The_scoring_options_carry_the_manifest_s_ssim_window_and_constants()
    {
        var manifest = Bundle.Open(fixture.BundleFolder).Manifest;
        var ssim = new SsimSpec { Window = SsimWindowKind.Uniform, WindowSize = 7, Sigma = 2, K1 = 0.02, K2 = 0.05, DataRange = 2 };
        manifest = manifest with { Scoring = manifest.Scoring with { InnerMetrics = new InnerMetricsSpec { Ssim = ssim } } };

        var options = ScoringOptions.From(manifest);

        Assert.Equal(new SsimWindow(Gaussian: false, Size: 7, Sigma: 2f), options.SsimWindow);
        Assert.Equal(0.0016f, options.SsimC1, 6);
        Assert.Equal(0.01f, options.SsimC2, 6);
        // Without an innerMetrics section: Wang et al.'s window and constants.
        var plain = ScoringOptions.From(manifest with { Scoring = manifest.Scoring with { InnerMetrics = null } });
        Assert.Equal(SsimWindow.Wang, plain.SsimWindow);
        Assert.Equal(1e-4f, plain.SsimC1);
        Assert.Equal(9e-4f, plain.SsimC2);
    }

    private Image NormalImage(string productClass) =>
        ImageCodec.Load(Directory.GetFiles(Path.Combine(fixture.DataFolder, productClass, "train", "good")).Order().First(), PixelLayout.Rgb);

    private string WithManifest(TempFolder folder, Func<BundleManifest, BundleManifest> change)
    {
        var path = fixture.CopyBundle(folder);
        var bundle = Bundle.Open(path);
        bundle.ReplaceManifest(change(bundle.Manifest));
        return path;
    }
}
