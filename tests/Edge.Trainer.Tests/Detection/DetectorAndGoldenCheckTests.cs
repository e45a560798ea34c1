using Edge.Bundles.Files;
using Edge.Bundles.Manifest;
using Edge.Bundles.Tensors;
using Edge.Detection;
using Edge.Detection.Frames;
using Edge.Imaging;
using Edge.Testing;
using Edge.Trainer.Tests.Evaluation;

namespace Edge.Trainer.Tests.Detection;

public sealed class DetectorAndGoldenCheckTests(TinyBundleFixture fixture) : IClassFixture<TinyBundleFixture>
{
    [Fact]
    public void The_exported_bundle_passes_its_own_golden_check_on_every_graph()
    {
        using var model = BundleModel.Open(fixture.BundleFolder);

        var result = GoldenCheck.Run(model);

        Assert.True(result.Passed, result.Failure);
        Assert.Equal(12, result.ComparedTensors);
        Assert.InRange(result.WorstShare, 0, 1);
        Assert.Equal(0, result.NearTies);
    }

    [Fact]
    public void A_golden_quantized_latent_holding_a_far_code_fails_the_check_naming_tensor_and_element()
    {
        using var folder = new TempFolder();
        var original = Bundle.Open(fixture.BundleFolder);
        var latent = original.ReadTensor("golden_encoder_z0.npy").AsFloat32().ToArray();
        var quantized = original.ReadTensor("golden_codebook_quantized0.npy");
        var values = quantized.AsFloat32().ToArray();
        var dim = original.Manifest.Architecture.EmbeddingDim;
        var cells = values.Length / dim;
        // Give cell 0 the code of the cell whose code is furthest from cell 0's latent: as if libtorch had chosen it.
        var far = Enumerable.Range(0, cells).MaxBy(c => Enumerable.Range(0, dim).Sum(ch => Math.Pow(latent[ch * cells] - values[ch * cells + c], 2)));
        var changed = values.ToArray();
        for (var ch = 0; ch < dim; ch++)
        {
            changed[ch * cells] = values[ch * cells + far];
        }
        var firstDifferent = Enumerable.Range(0, dim).First(ch => !Float32Parity.Close(values[ch * cells], changed[ch * cells], 1e-4)) * cells;
        using var model = BundleModel.Open(Rewrite(original, folder.File("bundle"), "golden_codebook_quantized0.npy", NpyArray.FromFloat32(changed, quantized.Shape.ToArray())));

        var result = GoldenCheck.Run(model);

        Assert.False(result.Passed);
        Assert.StartsWith($"codebook.quantized0[{firstDifferent}] is ", result.Failure, StringComparison.Ordinal);
        Assert.Contains("which is no near-tie", result.Failure, StringComparison.Ordinal);
        Assert.Equal(0, result.NearTies);
    }

    [Fact]
    public void A_golden_expectation_off_by_more_than_the_tolerance_fails_the_check_naming_the_output()
    {
        using var folder = new TempFolder();
        var original = Bundle.Open(fixture.BundleFolder);
        var tensor = original.ReadTensor("golden_decoder_reconstruction.npy");
        var values = tensor.AsFloat32().ToArray();
        values[7] += 0.01f;
        using var model = BundleModel.Open(Rewrite(original, folder.File("bundle"), "golden_decoder_reconstruction.npy", NpyArray.FromFloat32(values, tensor.Shape.ToArray())));

        var result = GoldenCheck.Run(model);

        Assert.False(result.Passed);
        Assert.StartsWith("decoder.reconstruction[7] ", result.Failure, StringComparison.Ordinal);
        Assert.InRange(result.WorstDifference, 0.009, 0.011);
    }

    [Fact]
    public void A_defect_painted_on_a_normal_image_raises_the_score_and_the_map_where_it_is()
    {
        using var model = BundleModel.Open(fixture.BundleFolder);
        using var scorer = new FrameScorer(model);
        var normalPath = Directory.GetFiles(Path.Combine(fixture.DataFolder, "grain", "train", "good")).Order().First();
        var image = ImageCodec.Load(normalPath, PixelLayout.Rgb);
        var normalScore = scorer.Score(image.AsView()).Score;
        // A black square over the top-left quarter: nothing like the training surfaces.
        var size = image.Width / 4;
        for (var y = 0; y < size; y++)
        {
            image.Row(y)[..(size * 3)].Clear();
        }

        var defectScore = scorer.Score(image.AsView()).Score;

        Assert.True(defectScore > normalScore, $"defect {defectScore} vs normal {normalScore}");
        var s = model.InputSize;
        var inside = scorer.Map[(s / 8 * s + s / 8)];
        var farCorner = scorer.Map[(s - 1) * s + s - 1];
        Assert.True(inside > farCorner, $"map inside the square {inside} vs far corner {farCorner}");
        Assert.Equal(model.Manifest.Input.Width * model.Manifest.Input.Height, scorer.Map.Length);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(4, 4)]
    [InlineData(4, 3)]
    public void Running_the_graphs_allocates_nothing_once_the_detector_is_made(int batch, int count)
    {
        using var model = BundleModel.Open(fixture.BundleFolder);
        using var detector = model.CreateDetector(batch);
        // Warmed up over several runs: the runtime's tiered compilation and ONNX Runtime's first runs allocate once
        // (a clean clone's CI once saw 4.3 kB within the first 20 runs after a single warm-up); the frame loop must not.
        for (var i = 0; i < 10; i++)
        {
            detector.Detect(0, count);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            detector.Detect(0, count);
        }
        var perRun = (GC.GetAllocatedBytesForCurrentThread() - before) / 100.0;

        Assert.True(perRun < 64, $"{perRun} bytes allocated per detection");
    }

    /// <summary>A copy of the bundle with one golden tensor replaced, committed with the same manifest (files re-hashed).</summary>
    private static string Rewrite(Bundle original, string folder, string tensorFile, NpyArray replacement)
    {
        var writer = BundleWriter.Create(folder);
        foreach (var name in original.Manifest.Files.Keys)
        {
            if (name == tensorFile)
            {
                writer.AddTensor(name, replacement);
            }
            else
            {
                writer.CopyFile(name, original.FilePath(name));
            }
        }
        writer.Commit(original.Manifest);
        return folder;
    }
}
