using Edge.Detection;
using Edge.Detection.Frames;
using Edge.Imaging.Preprocessing;
using Edge.Testing;
using Edge.Trainer.Data;
using Edge.Trainer.Export;
using Edge.Trainer.Model;
using Edge.Trainer.Runs;
using Edge.Trainer.Synthesis;
using Edge.Trainer.Training;

namespace Edge.Trainer.Tests.Training;

public sealed class TiledTrainingTests
{
    [Fact]
    public void A_tile_at_scale_one_is_a_window_of_the_images_own_pixels_not_the_image_squeezed()
    {
        using var folder = new TempFolder();
        SyntheticDataset.Write(folder.File("data"), new SyntheticDatasetOptions { TrainCount = 1, TestCountPerKind = 1, ImageSize = 64, Seed = 5 });
        var path = MvtecDataset.Open(folder.File("data")).Train[0].ImagePath;
        var full = new float[3 * 64 * 64];
        new SampleLoader(64, 3, ChannelNormalization.UnitRange(3)).Load(path, full, Augmentation.None, new Random(0));
        var tile = new float[3 * 32 * 32];

        new SampleLoader(32, 3, ChannelNormalization.UnitRange(3)).Load(path, tile, Augmentation.None with { TileSourceSide = 32 }, new Random(7));

        var offsets = Enumerable.Range(0, 33).SelectMany(y => Enumerable.Range(0, 33).Select(x => (x, y)))
            .Where(o => Matches(full, tile, o.x, o.y)).ToList();
        Assert.Single(offsets);
    }

    [Fact]
    public void An_image_smaller_than_one_tile_is_an_error_naming_the_file_and_the_sizes()
    {
        using var folder = new TempFolder();
        SyntheticDataset.Write(folder.File("data"), new SyntheticDatasetOptions { TrainCount = 1, TestCountPerKind = 1, ImageSize = 32, Seed = 5 });
        var path = MvtecDataset.Open(folder.File("data")).Train[0].ImagePath;
        var tile = new float[3 * 32 * 32];

        var error = Assert.Throws<InvalidDataException>(() =>
            new SampleLoader(32, 3, ChannelNormalization.UnitRange(3)).Load(path, tile, Augmentation.None with { TileSourceSide = 64 }, new Random(0)));

        Assert.Equal($"Image '{path}' is 32x32, smaller than one tile (64x64 source pixels at the tiling scale); lower tiling.scale or turn tiling off.", error.Message);
    }

    [Fact]
    public void A_run_trained_on_tiles_exports_a_bundle_that_says_how_to_tile_frames_and_the_frame_scorer_scores_it_at_native_resolution()
    {
        using var folder = new TempFolder();
        SyntheticDataset.Write(folder.File("data"), new SyntheticDatasetOptions { TrainCount = 6, TestCountPerKind = 1, ImageSize = 64, Seed = 6 });
        var data = MvtecDataset.Open(folder.File("data"));
        var options = new TrainingOptions
        {
            Model = new PvqaeConfig { ImageSize = 32, BaseWidth = 8, EmbeddingDim = 8, CodebookSize = 16, RoutingHidden = 8, PriorWidth = 8, PriorHeads = 2 },
            BatchSize = 4, Steps = 20, PriorSteps = 10, ReseedEvery = 10, MaxMinutes = 5,
            Tiling = new TilingOptions { Enabled = true, Scale = 1.0 },
        };
        var trainer = new PvqaeTrainer(options, data);

        var (model, prior) = trainer.Train();
        using (model)
        using (prior)
        {
            TrainingRun.For(trainer.Config, data, trainer.Options.Tiling).Save(folder.File("run"), model, prior);
        }
        var exported = BundleExporter.Export(folder.File("run"), folder.File("bundle"), new ExportOptions { Version = "0.1.0" });

        var tiling = exported.Bundle.Manifest.Input.Tiling;
        Assert.NotNull(tiling);
        Assert.Equal(16, tiling.Stride);
        Assert.Equal(1.0, tiling.Scale);
        Assert.Equal(32, exported.Bundle.Manifest.Input.Width);
        using var loaded = BundleModel.Open(folder.File("bundle"));
        using var scorer = new FrameScorer(loaded);
        var image = Edge.Imaging.ImageCodec.Load(data.Test[0].ImagePath);
        var score = scorer.Score(image.AsView()).Score;
        // A 64x64 image, 32-pixel tiles 16 apart: 3 x 3 tiles, one run, and a map of the image's own 64x64 pixels.
        Assert.Equal((64, 64, 9, 9), (scorer.MapWidth, scorer.MapHeight, scorer.TileCount, scorer.BatchSize));
        Assert.True(float.IsFinite(score) && score >= 0, $"score {score}");
    }

    private static bool Matches(float[] full, float[] tile, int x0, int y0)
    {
        for (var c = 0; c < 3; c++)
        {
            for (var y = 0; y < 32; y++)
            {
                for (var x = 0; x < 32; x++)
                {
                    if (Math.Abs(full[(c * 64 * 64) + ((y + y0) * 64) + x + x0] - tile[(c * 32 * 32) + (y * 32) + x]) > 1e-6f)
                    {
                        return false;
                    }
                }
            }
        }
        return true;
    }
}
