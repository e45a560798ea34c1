using Edge.Bundles.Files;
using Edge.Bundles.Manifest;
using Edge.Bundles.Tensors;
using Edge.Bundles.Versioning;

namespace Edge.Bundles.Tests.Support;

/// <summary>
/// A complete, valid manifest and bundle for the tests. The "graphs" are arbitrary bytes: this library hashes and
/// verifies files and never parses ONNX, so their content does not matter here.
/// </summary>
internal static class SampleBundles
{
    public static BundleManifest Manifest(bool plainVq = false) => new()
    {
        ModelVersion = SemanticVersion.Parse("1.4.0-rc.2+build.7"),
        CreatedUtc = new DateTimeOffset(2025, 3, 14, 15, 9, 26, 535, TimeSpan.Zero),
        Producer = "edge-train 0.1.0",
        Input = new InputSpec { Width = 256, Height = 256, Channels = 3, Mean = [0.485, 0.456, 0.406], Std = [0.229, 0.224, 0.225] },
        Architecture = new ArchitectureSpec
        {
            Levels = plainVq ? 1 : 3,
            CodebookSizes = plainVq ? [512] : [512, 256, 128],
            EmbeddingDim = 64,
            DownsampleFactors = plainVq ? [8] : [4, 8, 16],
            PlainVq = plainVq,
        },
        ClassNames = ["bottle", "carpet"],
        Scoring = plainVq
            ? new ScoringSpec
            {
                Method = ScoringMethod.SsimXAlignment,
                SmoothingSigma = 4,
                ImageScore = ImageScoreReduction.Max,
                InnerMetrics = new InnerMetricsSpec(),
            }
            : new ScoringSpec
            {
                Method = ScoringMethod.BudgetXRecon,
                SmoothingSigma = 4,
                ImageScore = ImageScoreReduction.Quantile,
                Quantile = 0.999,
                Budget = new BudgetScoringSpec(),
                Reconstruction = new ReconstructionScoringSpec(),
            },
        Thresholds = new ThresholdSet
        {
            Image = 0.42,
            Pixel = 0.31,
            PerClass = new Dictionary<string, ClassThresholds> { ["carpet"] = new() { Image = 0.5, Pixel = 0.25 } },
        },
        NormalStatistics = new NormalStatistics { Image = Stats(0.2), Pixel = Stats(0.05) },
        Validation = new ValidationMetrics
        {
            ImageAuroc = 0.973,
            PixelAuroc = null,
            PerClass = new Dictionary<string, ClassValidation> { ["bottle"] = new() { ImageAuroc = 0.99, PixelAuroc = 0.97 } },
        },
        TrainingData = new TrainingDataInfo
        {
            Fingerprint = new string('a', 64),
            ImageCount = 489,
            ClassCounts = new Dictionary<string, int> { ["bottle"] = 209, ["carpet"] = 280 },
        },
        Golden = new GoldenSpec
        {
            Input = "golden_input.npy",
            Outputs = new Dictionary<string, IReadOnlyDictionary<string, string>>
            {
                ["encoder"] = new Dictionary<string, string> { ["z0"] = "golden_encoder_z0.npy" },
                ["decoder"] = new Dictionary<string, string> { ["x_hat"] = "golden_decoder_x_hat.npy" },
            },
            Tolerance = 1e-4,
        },
    };

    /// <summary>The manifest with made-up entries for every file it names, so it passes the rules across sections.</summary>
    public static BundleManifest ListedManifest() => Manifest() with
    {
        Files = new Dictionary<string, FileEntry>
        {
            ["encoder.onnx"] = Entry('1', 10),
            ["codebook.onnx"] = Entry('2', 20),
            ["decoder.onnx"] = Entry('3', 30),
            ["budget_prior.onnx"] = Entry('4', 40),
            ["golden_input.npy"] = Entry('5', 50),
            ["golden_encoder_z0.npy"] = Entry('6', 60),
            ["golden_decoder_x_hat.npy"] = Entry('7', 70),
        },
    };

    /// <summary>Writes a bundle with every file the manifest needs and returns it opened.</summary>
    public static Bundle Write(string folder, BundleManifest? manifest = null)
    {
        manifest ??= Manifest();
        var writer = BundleWriter.Create(folder);
        var random = new Random(1);
        foreach (var graph in manifest.RequiredGraphs)
        {
            var bytes = new byte[1000 + random.Next(5000)];
            random.NextBytes(bytes);
            writer.AddFile(BundleFileNames.GraphFile(graph), bytes);
        }
        writer.AddTensor("golden_input.npy", NpyArray.FromFloat32(Enumerable.Range(0, 3 * 4 * 4).Select(i => i / 10f).ToArray(), 1, 3, 4, 4));
        writer.AddTensor("golden_encoder_z0.npy", NpyArray.FromFloat32([1, 2, 3, 4], 1, 4));
        writer.AddTensor("golden_decoder_x_hat.npy", NpyArray.FromFloat32([0.5f, 0.25f], 2));
        return writer.Commit(manifest);
    }

    private static ScoreStatistics Stats(double scale) => new()
    {
        Count = 1000,
        Mean = scale,
        Std = scale / 4,
        Quantiles = new ScoreQuantiles { P50 = scale, P90 = scale * 1.3, P95 = scale * 1.4, P99 = scale * 1.7, P999 = scale * 2 },
        Max = scale * 2.5,
    };

    private static FileEntry Entry(char digit, long size) => new() { Sha256 = new string(digit, 64), Size = size };
}
