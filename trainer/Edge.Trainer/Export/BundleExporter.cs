using Edge.Bundles.Files;
using Edge.Bundles.Manifest;
using Edge.Bundles.Versioning;
using Edge.Detection;
using Edge.Inference.Sessions;
using Edge.Onnx.Building;
using Edge.Torch;
using Edge.Trainer.Commands;
using Edge.Trainer.Model;
using Edge.Trainer.Runs;
using Edge.Trainer.Training;

namespace Edge.Trainer.Export;

/// <summary>
/// Writes a bundle folder from a training run: the graphs, golden tensors for the device's canary check and the
/// manifest (through <see cref="BundleWriter"/>, so the result is validated and re-opened). Before the manifest is
/// committed, every graph runs in ONNX Runtime against libtorch on the same input (<see cref="ParityCheck"/>), and
/// the export is refused if any output differs by more than <see cref="Tolerance"/> under <see cref="Float32Parity"/>
/// (absolute plus relative), or holds another nearest code than libtorch's where that is no near-tie.
/// </summary>
public static class BundleExporter
{
    public const float Tolerance = 1e-4f;

    public const string Producer = "edge-train 0.1.0";

    public static ExportResult Export(string runFolder, string bundleFolder, ExportOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!SemanticVersion.TryParse(options.Version, out var version, out var reason))
        {
            throw new UserInputException($"'{options.Version}' is not a semantic version (MAJOR.MINOR.PATCH, e.g. 1.4.0): {reason}.");
        }
        var (run, model, prior) = TrainingRun.Load(runFolder);
        using (model)
        using (prior)
        {
            if (run.ClassCounts is null || run.DataFingerprint.Length != 64)
            {
                throw new UserInputException($"The run '{runFolder}' does not record its training data (fingerprint and class counts); train it again with this edge-train.");
            }
            var config = run.Config;
            var scoring = options.Scoring ?? (config.PlainVq ? ScoringMethod.SsimXAlignment : ScoringMethod.BudgetXRecon);
            if (scoring == ScoringMethod.BudgetXRecon && config.PlainVq)
            {
                throw new UserInputException("budget-x-recon scoring needs the budget prior, which a --plain-vq run does not have.");
            }
            var writer = BundleWriter.Create(bundleFolder);
            var weights = Weights.From(model, prior);
            WriteGraphs(writer, config, weights, run, version);
            var golden = GoldenTensors.Compute(config, model, prior, weights, Tolerance);
            var goldenSpec = golden.Write(writer, Tolerance);
            var bundle = writer.Commit(new BundleManifest
            {
                ModelVersion = version,
                CreatedUtc = DateTimeOffset.UtcNow,
                Producer = Producer,
                Input = new InputSpec
                {
                    Width = config.ImageSize, Height = config.ImageSize, Channels = config.ImageChannels,
                    Mean = Enumerable.Repeat(0.0, config.ImageChannels).ToArray(),
                    Std = Enumerable.Repeat(1.0, config.ImageChannels).ToArray(),
                    Tiling = TilingOf(run.Tiling, config.ImageSize),
                },
                Architecture = new ArchitectureSpec
                {
                    Levels = config.Levels,
                    CodebookSizes = Enumerable.Repeat(config.CodebookSize, config.Levels).ToArray(),
                    EmbeddingDim = config.EmbeddingDim,
                    DownsampleFactors = Enumerable.Range(0, config.Levels).Select(l => 4 << l).ToArray(),
                    PlainVq = config.PlainVq,
                },
                ClassNames = run.ClassNames,
                Scoring = DefaultScoring(scoring, config.ImageSize),
                TrainingData = new TrainingDataInfo
                {
                    Fingerprint = run.DataFingerprint,
                    ImageCount = run.ClassCounts.Values.Sum(),
                    ClassCounts = run.ClassCounts,
                },
                Golden = goldenSpec,
            });
            return new ExportResult(bundle, CheckParity(bundle), golden.Seed, golden.NearTies, golden.SmallestMargin);
        }
    }

    /// <summary>
    /// The scoring section for a method: map smoothing scaled with the input (sigma 4 at 256 pixels, as common
    /// practice on MVTec AD), image score = the smoothed map's maximum, and SSIM as Wang et al. define it (the
    /// source seed 003 cites): an 11 x 11 Gaussian window with sigma 1.5, K1 = 0.01 and K2 = 0.03, so C = (K L)^2.
    /// </summary>
    public static ScoringSpec DefaultScoring(ScoringMethod method, int imageSize) => new()
    {
        Method = method,
        SmoothingSigma = Math.Max(1.0, imageSize / 64.0),
        ImageScore = ImageScoreReduction.Max,
        Budget = method == ScoringMethod.BudgetXRecon ? new BudgetScoringSpec() : null,
        Reconstruction = method is ScoringMethod.BudgetXRecon or ScoringMethod.ReconOnly ? new ReconstructionScoringSpec() : null,
        InnerMetrics = method == ScoringMethod.SsimXAlignment
            ? new InnerMetricsSpec { DilationSize = Math.Max(3, imageSize / 32 | 1), DilateSsim = true, Ssim = new SsimSpec() }
            : null,
    };

    /// <summary>
    /// The manifest's tiling for a run that learned from tiles of <paramref name="tileSize"/>, with the stride resolved
    /// (the options' 0 means half a tile); null for a run that learned from whole images.
    /// </summary>
    public static TilingSpec? TilingOf(TilingOptions? tiling, int tileSize) =>
        tiling is { Enabled: true } ? new TilingSpec { Stride = tiling.StrideFor(tileSize), Scale = tiling.Scale } : null;

    /// <summary>
    /// Runs the bundle's golden check in ONNX Runtime, which compares every graph's outputs with libtorch's. A failing
    /// bundle loses its manifest, so what is left in the folder never opens as a bundle.
    /// </summary>
    private static GoldenCheckResult CheckParity(Bundle bundle)
    {
        GoldenCheckResult result;
        using (var model = BundleModel.Load(bundle, new SessionSettings { WarmUp = false }))
        {
            result = GoldenCheck.Run(model);
        }
        if (!result.Passed)
        {
            File.Delete(bundle.ManifestPath);
            throw new UserInputException($"Export check failed: ONNX Runtime and libtorch disagree: {result.Failure}.");
        }
        return result;
    }

    private static void WriteGraphs(BundleWriter writer, PvqaeConfig config, WeightSet weights, TrainingRun run, SemanticVersion version)
    {
        var info = new ModelInfo
        {
            ProducerName = "edge-train",
            Metadata = new Dictionary<string, string> { ["edge.version"] = version.ToString(), ["edge.classes"] = string.Join(",", run.ClassNames) },
        };
        writer.AddFile(BundleFileNames.GraphFile(BundleGraph.Encoder), EncoderGraph.Build(config, weights, info).ToByteArray());
        writer.AddFile(BundleFileNames.GraphFile(BundleGraph.Codebook), CodebookGraph.Build(config, weights, info).ToByteArray());
        writer.AddFile(BundleFileNames.GraphFile(BundleGraph.Decoder), DecoderGraph.Build(config, weights, info).ToByteArray());
        if (!config.PlainVq)
        {
            writer.AddFile(BundleFileNames.GraphFile(BundleGraph.BudgetPrior), BudgetPriorGraph.Build(config, weights, info).ToByteArray());
        }
    }
}
