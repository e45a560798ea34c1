using Edge.Bundles.Files;
using Edge.Bundles.Manifest;
using Edge.Detection;
using Edge.Detection.Frames;
using Edge.Detection.Tiling;
using Edge.Imaging;
using Edge.Imaging.Preprocessing;
using Edge.Scoring.Maps;
using Edge.Testing;
using Edge.Trainer.Tests.Evaluation;

namespace Edge.Trainer.Tests.Detection;

/// <summary>
/// The tiny bundle (32 px input) with <c>input.tiling</c> written into its manifest: frames larger than the input are
/// scored as overlapping tiles. An 80x56 frame at scale 1 with stride 16 has tile origins 0, 16, 32, 48 across and
/// 0, 16, 24 down: 12 tiles.
/// </summary>
public sealed class TiledFrameScorerTests(TinyBundleFixture fixture) : IClassFixture<TinyBundleFixture>
{
    private const int Tile = 32;

    [Fact]
    public void A_tiled_frame_s_map_is_the_tile_blend_of_the_detector_s_maps_run_tile_by_tile()
    {
        using var folder = new TempFolder();
        using var model = BundleModel.Open(Tiled(folder, scale: 1, smoothing: 0));
        using var scorer = new FrameScorer(model);
        var frame = Noise(80, 56, seed: 1);

        var result = scorer.Score(frame.AsView());

        var grid = new TileGrid(80, 56, 1, Tile, 16);
        var expected = BlendTileByTile(model, frame, grid);
        Assert.Equal((80, 56, 12, 12), (scorer.MapWidth, scorer.MapHeight, scorer.TileCount, scorer.BatchSize));
        Assert.Equal(new PixelRect(0, 0, 80, 56), scorer.Region);
        AssertClose(expected, scorer.Map);
        // No smoothing, no ROI: the image score is the blended map's maximum, and uncalibrated the box is its pixel.
        Assert.Equal(expected.Max(), result.Score, 1e-4f);
        var hottest = Array.IndexOf(expected, expected.Max());
        Assert.Equal(new PixelRect(hottest % 80, hottest / 80, 1, 1), result.Box);
    }

    [Fact]
    public void Tiles_run_in_batches_give_the_maps_they_give_one_at_a_time()
    {
        using var folder = new TempFolder();
        using var model = BundleModel.Open(Tiled(folder, scale: 1, smoothing: 0));
        var frame = Noise(80, 56, seed: 2);
        using var single = new FrameScorer(model, new FrameScorerSettings { MaxTileBatch = 1 });
        using var fives = new FrameScorer(model, new FrameScorerSettings { MaxTileBatch = 5 });
        using var all = new FrameScorer(model);

        var one = single.Score(frame.AsView()).Score;
        var five = fives.Score(frame.AsView()).Score;
        var twelve = all.Score(frame.AsView()).Score;

        // 12 tiles at most 5 a run: three runs of 4, not 5, 5 and 2.
        Assert.Equal((1, 4, 12), (single.BatchSize, fives.BatchSize, all.BatchSize));
        AssertClose(single.Map.ToArray(), fives.Map);
        AssertClose(single.Map.ToArray(), all.Map);
        Assert.True(Float32Parity.Close(five, one, 1e-4) && Float32Parity.Close(twelve, one, 1e-4), $"{one} {five} {twelve}");
    }

    [Theory]
    [InlineData(1, 16, 1)]
    [InlineData(12, 16, 12)]
    [InlineData(16, 16, 16)]
    [InlineData(17, 16, 9)]
    [InlineData(40, 16, 14)]
    [InlineData(12, 5, 4)]
    public void The_batch_shares_the_tiles_evenly_among_as_few_runs_as_the_cap_allows(int tiles, int cap, int batch) =>
        Assert.Equal(batch, TileBatch.For(tiles, cap));

    [Fact]
    public void A_detector_s_batch_slots_each_give_what_a_batch_of_one_gives_that_input()
    {
        using var model = BundleModel.Open(fixture.BundleFolder);
        using var batched = model.CreateDetector(4);
        using var one = model.CreateDetector();
        var random = new Random(3);
        var inputs = Enumerable.Range(0, 3).Select(_ => Enumerable.Range(0, one.InputLength).Select(_ => random.NextSingle() * 2 - 1).ToArray()).ToArray();
        for (var i = 0; i < 3; i++)
        {
            inputs[i].CopyTo(batched.InputOf(i));
        }

        batched.Detect(1, count: 3);

        // Every input and output of every graph leaves its batch dimension symbolic, N.
        foreach (var graph in model.Manifest.RequiredGraphs)
        {
            var session = model.Session(graph);
            Assert.All(session.Inputs.Concat(session.Outputs), t => Assert.Equal(("N", -1L), (t.Symbols[0], t.Shape[0])));
        }

        for (var i = 0; i < 3; i++)
        {
            one.Detect(inputs[i], classId: 1);
            AssertClose(one.Map.ToArray(), batched.MapOf(i));
            AssertClose(one.Reconstruction01.ToArray(), batched.Reconstruction01Of(i));
            AssertClose(one.Image01.ToArray(), batched.Image01Of(i));
        }
    }

    [Fact]
    public void A_roi_on_a_tiled_frame_masks_the_blended_map_before_it_is_smoothed()
    {
        using var folder = new TempFolder();
        using var raw = BundleModel.Open(Tiled(folder, scale: 1, smoothing: 0));
        using var folder2 = new TempFolder();
        using var smoothed = BundleModel.Open(Tiled(folder2, scale: 1, smoothing: 4));
        var frame = Noise(80, 56, seed: 4);
        // The left half; the right half's hot pixels must not bleed into it.
        var left = new RoiPolygon([(0, 0), (40, 0), (40, 56), (0, 56)]);
        using var unmasked = new FrameScorer(raw);
        using var scorer = new FrameScorer(smoothed, new FrameScorerSettings { Roi = [left] });
        unmasked.Score(frame.AsView());

        var score = scorer.Score(frame.AsView()).Score;

        var inside = Enumerable.Range(0, 80 * 56).Select(i => i % 80 < 40).ToArray();
        var masked = unmasked.Map.ToArray().Select((v, i) => inside[i] ? v : 0f).ToArray();
        new GaussianBlur(80, 56, 4).Apply(masked);
        var expected = masked.Select((v, i) => inside[i] ? v : 0f).ToArray();
        AssertClose(expected, scorer.Map);
        Assert.Equal(expected.Max(), score, Math.Max(1e-4f, expected.Max() * 1e-4f));
        // Smoothing first would have let the right half bleed in: next to the edge the maps differ (the order is what is tested).
        var wrongOrder = unmasked.Map.ToArray();
        new GaussianBlur(80, 56, 4).Apply(wrongOrder);
        var row = 28 * 80;
        Assert.True(wrongOrder[row + 39] > expected[row + 39] * 1.01f, $"smoothed first {wrongOrder[row + 39]}, masked first {expected[row + 39]}");
    }

    [Fact]
    public void At_scale_one_half_the_map_is_half_the_crop_in_rescaled_pixels_and_the_box_comes_back_in_frame_pixels()
    {
        using var folder = new TempFolder();
        using var model = BundleModel.Open(Tiled(folder, scale: 0.5, smoothing: 0));
        var frame = Noise(200, 140, seed: 5);
        // A crop of 128x96 at (40, 20): a 64x48 map, tiles at 0, 16, 32 across and 0, 16 down.
        using var scorer = new FrameScorer(model, new FrameScorerSettings { Crop = new PixelRect(40, 20, 128, 96) });

        var result = scorer.Score(frame.AsView());

        Assert.Equal((64, 48, 6), (scorer.MapWidth, scorer.MapHeight, scorer.TileCount));
        var map = scorer.Map.ToArray();
        var hottest = Array.IndexOf(map, map.Max());
        // Uncalibrated, the box is the hottest map pixel: 2x2 frame pixels, offset by the crop.
        Assert.Equal(new PixelRect(40 + 2 * (hottest % 64), 20 + 2 * (hottest / 64), 2, 2), result.Box);
        // The map is the blend of the tiles cut from the crop resized (bilinear, once) to 64x48.
        var scaled = new float[3 * 64 * 48];
        new FramePreprocessor(model.Preprocessing with { Width = 64, Height = 48 }).Run(frame.AsView(), new PixelRect(40, 20, 128, 96), scaled);
        AssertClose(BlendWindows(model, scaled, new TileGrid(64, 48, 1, Tile, 16)), map);
    }

    [Fact]
    public void The_pictures_of_a_tiled_frame_are_its_pixels_and_a_reconstruction_at_the_map_s_size()
    {
        using var folder = new TempFolder();
        using var model = BundleModel.Open(Tiled(folder, scale: 1, smoothing: 0));
        using var scorer = new FrameScorer(model);
        var frame = Noise(80, 56, seed: 6);
        scorer.Score(frame.AsView());
        var map = scorer.Map.ToArray();

        var pictures = scorer.Pictures(frame.AsView());

        Assert.Equal((80, 56, 3), (pictures.Width, pictures.Height, pictures.Channels));
        // Overlapping tiles hold the same input pixels, so their blend is the frame itself (pixel (7, 5), green).
        Assert.Equal(frame.Row(5)[7 * 3 + 1] / 255f, pictures.Input01[80 * 56 + 5 * 80 + 7], 1e-5f);
        Assert.Equal(80 * 56 * 3, pictures.Reconstruction01.Length);
        Assert.Equal(map, scorer.Map.ToArray());
    }

    [Fact]
    public void A_frame_or_a_crop_smaller_than_a_tile_is_refused_in_one_line_naming_the_sizes()
    {
        using var folder = new TempFolder();
        using var model = BundleModel.Open(Tiled(folder, scale: 1, smoothing: 0));
        using var scorer = new FrameScorer(model, new FrameScorerSettings { Label = "camera line1" });

        var small = Assert.Throws<InvalidOperationException>(() => scorer.Score(Noise(40, 20, seed: 7).AsView()));
        var crop = Assert.Throws<ArgumentException>(() => new FrameScorer(model, new FrameScorerSettings { Crop = new PixelRect(0, 0, 64, 16), Label = "camera line2" }));

        Assert.Equal("camera line1: A 40x20 frame at tiling scale 1 is 40x20, smaller than the 32x32 tile; use a larger scale (at least 1.6) or a larger camera crop.", small.Message);
        Assert.Equal("camera line2: crop [0, 0, 64, 16]: A 64x16 frame at tiling scale 1 is 64x16, smaller than the 32x32 tile; use a larger scale (at least 2) or a larger camera crop.", crop.Message);
    }

    [Fact]
    public void Scoring_tiled_frames_in_batches_allocates_nothing_once_the_scorer_has_seen_the_frame_size()
    {
        using var folder = new TempFolder();
        using var model = BundleModel.Open(Tiled(folder, scale: 1, smoothing: 2));
        var frame = Noise(120, 90, seed: 8);
        var roi = new RoiPolygon([(10, 5), (110, 10), (60, 85)]);
        // A 96x80 crop: 5 x 4 = 20 tiles, two runs of 10.
        using var scorer = new FrameScorer(model, new FrameScorerSettings { Crop = new PixelRect(10, 5, 96, 80), Roi = [roi], MaxTileBatch = 16 });
        for (var i = 0; i < 5; i++)
        {
            scorer.Score(frame.AsView());
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 20; i++)
        {
            scorer.Score(frame.AsView());
        }
        var perFrame = (GC.GetAllocatedBytesForCurrentThread() - before) / 20.0;

        Assert.Equal((20, 10), (scorer.TileCount, scorer.BatchSize));
        Assert.True(perFrame < 64, $"{perFrame} bytes allocated per frame");
    }

    /// <summary>The expected map, made the slow way: each tile preprocessed on its own, run alone, blended.</summary>
    private static float[] BlendTileByTile(BundleModel model, Image frame, TileGrid grid)
    {
        using var detector = model.CreateDetector();
        var preprocessor = new FramePreprocessor(model.Preprocessing);
        var blender = new TileBlender(grid);
        for (var i = 0; i < grid.Count; i++)
        {
            preprocessor.Run(frame.AsView(), grid.Tile(i), detector.Input);
            detector.Detect(0);
            blender.Add(i, detector.Map);
        }
        blender.Finish();
        return blender.ScaledMap.ToArray();
    }

    private static void AssertClose(float[] expected, ReadOnlySpan<float> actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(Float32Parity.Close(actual[i], expected[i], 1e-4), $"[{i}] is {actual[i]}, expected {expected[i]}");
        }
    }

    private static Image Noise(int width, int height, int seed)
    {
        var image = new Image(width, height, PixelLayout.Rgb);
        new Random(seed).NextBytes(image.Pixels);
        return image;
    }

    /// <summary>The expected map of a rescaled, normalized region (planar): each tile's window copied out, run alone, blended.</summary>
    private static float[] BlendWindows(BundleModel model, float[] scaled, TileGrid grid)
    {
        using var detector = model.CreateDetector();
        var blender = new TileBlender(grid);
        int w = grid.ScaledWidth, plane = w * grid.ScaledHeight;
        for (var i = 0; i < grid.Count; i++)
        {
            var rect = grid.Tile(i);
            for (var c = 0; c < 3; c++)
            {
                for (var y = 0; y < Tile; y++)
                {
                    scaled.AsSpan(c * plane + (rect.Y + y) * w + rect.X, Tile).CopyTo(detector.Input.Slice(c * Tile * Tile + y * Tile, Tile));
                }
            }
            detector.Detect(0);
            blender.Add(i, detector.Map);
        }
        blender.Finish();
        return blender.ScaledMap.ToArray();
    }

    private string Tiled(TempFolder folder, double scale, double smoothing)
    {
        var path = fixture.CopyBundle(folder);
        var bundle = Bundle.Open(path);
        var manifest = bundle.Manifest;
        bundle.ReplaceManifest(manifest with
        {
            Input = manifest.Input with { Tiling = new TilingSpec { Stride = 16, Scale = scale } },
            Scoring = manifest.Scoring with { SmoothingSigma = smoothing, ImageScore = ImageScoreReduction.Max },
        });
        return path;
    }
}
