using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Edge.Inference.Sessions;
using Edge.Onnx.Building;
using Edge.Torch;
using Edge.Trainer.Commands;
using Edge.Trainer.Model;
using Edge.Trainer.Runs;

namespace Edge.Trainer.Export;

/// <summary>
/// Writes a bundle folder from a training run: encoder.onnx, codebook.onnx, decoder.onnx, budget_prior.onnx and
/// manifest.json. Before it writes the manifest it runs every graph in ONNX Runtime against libtorch on the same
/// input and refuses to finish if any output differs by more than <see cref="Tolerance"/>.
/// </summary>
public static class BundleExporter
{
    public const float Tolerance = 1e-4f;

    public static string[] GraphFiles { get; } = ["encoder.onnx", "codebook.onnx", "decoder.onnx", "budget_prior.onnx"];

    public static JsonObject Export(string runFolder, string bundleFolder, string version)
    {
        var (run, model, prior) = TrainingRun.Load(runFolder);
        using (model)
        using (prior)
        {
            var config = run.Config;
            var weights = Weights.From(model, prior);
            var info = new ModelInfo
            {
                ProducerName = "edge-train",
                Metadata = new Dictionary<string, string> { ["edge.version"] = version, ["edge.classes"] = string.Join(",", run.ClassNames) },
            };
            Directory.CreateDirectory(bundleFolder);
            EncoderGraph.Build(config, weights, info).Save(Path.Combine(bundleFolder, GraphFiles[0]));
            CodebookGraph.Build(config, weights, info).Save(Path.Combine(bundleFolder, GraphFiles[1]));
            DecoderGraph.Build(config, weights, info).Save(Path.Combine(bundleFolder, GraphFiles[2]));
            BudgetPriorGraph.Build(config, weights, info).Save(Path.Combine(bundleFolder, GraphFiles[3]));
            var worst = CheckParity(config, model, prior, bundleFolder);
            var manifest = new JsonObject
            {
                ["formatVersion"] = 1,
                ["modelVersion"] = version,
                ["createdUtc"] = DateTime.UtcNow.ToString("O"),
                ["producer"] = "edge-train",
                ["input"] = new JsonObject
                {
                    ["width"] = config.ImageSize, ["height"] = config.ImageSize, ["channels"] = config.ImageChannels,
                    ["mean"] = new JsonArray(Enumerable.Repeat(0.0, config.ImageChannels).Select(v => (JsonNode)v).ToArray()),
                    ["std"] = new JsonArray(Enumerable.Repeat(1.0, config.ImageChannels).Select(v => (JsonNode)v).ToArray()),
                    ["layout"] = "NCHW",
                },
                ["architecture"] = JsonSerializer.SerializeToNode(config, new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.CamelCase }),
                ["classNames"] = new JsonArray(run.ClassNames.Select(c => (JsonNode)c).ToArray()),
                ["scoring"] = new JsonObject { ["method"] = config.PlainVq ? "ssim-x-alignment" : "budget-x-recon", ["imageScore"] = "max" },
                ["exportParity"] = new JsonObject { ["maxAbsoluteDifference"] = worst, ["tolerance"] = Tolerance },
                ["files"] = Files(bundleFolder),
            };
            var temporary = Path.Combine(bundleFolder, "manifest.json.tmp");
            File.WriteAllText(temporary, manifest.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
            File.Move(temporary, Path.Combine(bundleFolder, "manifest.json"), overwrite: true);
            return manifest;
        }
    }

    /// <summary>Runs the four graphs and the libtorch model on one random image; returns the largest difference seen.</summary>
    private static double CheckParity(PvqaeConfig config, Pvqae model, BudgetPrior prior, string folder)
    {
        var random = new Random(1);
        var s = config.ImageSize;
        var image = Enumerable.Range(0, config.ImageChannels * s * s).Select(_ => random.NextSingle()).ToArray();
        using var noGrad = LibTorch.NoGrad();
        using var scope = DisposeScope.Open();
        using var output = model.Forward(Tensor.FromArray(image, [1, config.ImageChannels, s, s]));
        var tokens = output.RoutingLogits.ArgMax(1).Reshape(1, config.TokenCount);
        var probabilities = prior.Predict(tokens, Tensor.FromArray(new long[] { 0 }, [1]));
        var worst = 0.0;
        void Compare(string what, float[] expected, ReadOnlySpan<float> actual)
        {
            for (var i = 0; i < expected.Length; i++)
            {
                var difference = Math.Abs(expected[i] - actual[i]);
                worst = Math.Max(worst, difference);
                if (difference > Tolerance)
                {
                    throw new UserInputException($"Export check failed: {what}[{i}] is {actual[i]} in ONNX Runtime but {expected[i]} in libtorch (tolerance {Tolerance}).");
                }
            }
        }
        using var encoder = ModelSession.Open(Path.Combine(folder, GraphFiles[0]));
        using var e = encoder.CreateBinding();
        image.CopyTo(e.Input<float>(GraphNames.Image));
        e.Run();
        Compare("routing_logits", output.RoutingLogits.ToFloatArray(), e.Output<float>(GraphNames.RoutingLogits));
        using var codebook = ModelSession.Open(Path.Combine(folder, GraphFiles[1]));
        using var c = codebook.CreateBinding();
        using var decoder = ModelSession.Open(Path.Combine(folder, GraphFiles[2]));
        using var d = decoder.CreateBinding();
        for (var l = 0; l < config.Levels; l++)
        {
            Compare(GraphNames.Latent(l), output.Latents[l].ToFloatArray(), e.Output<float>(GraphNames.Latent(l)));
            e.Output<float>(GraphNames.Latent(l)).CopyTo(c.Input<float>(GraphNames.Latent(l)));
        }
        c.Run();
        for (var l = 0; l < config.Levels; l++)
        {
            Compare(GraphNames.Quantized(l), output.Quantized[l].ToFloatArray(), c.Output<float>(GraphNames.Quantized(l)));
            Compare(GraphNames.Distance(l), output.Distances[l].ToFloatArray(), c.Output<float>(GraphNames.Distance(l)));
            c.Output<float>(GraphNames.Quantized(l)).CopyTo(d.Input<float>(GraphNames.Quantized(l)));
        }
        output.Routing.ToFloatArray().CopyTo(d.Input<float>(GraphNames.Routing));
        d.Run();
        Compare(GraphNames.Reconstruction, output.Reconstruction.ToFloatArray(), d.Output<float>(GraphNames.Reconstruction));
        using var priorGraph = ModelSession.Open(Path.Combine(folder, GraphFiles[3]));
        using var p = priorGraph.CreateBinding();
        tokens.ToInt64Array().CopyTo(p.Input<long>(GraphNames.Tokens));
        p.Run();
        Compare(GraphNames.PriorProbabilities, probabilities.ToFloatArray(), p.Output<float>(GraphNames.PriorProbabilities));
        return worst;
    }

    private static JsonObject Files(string folder)
    {
        var files = new JsonObject();
        foreach (var name in GraphFiles)
        {
            var path = Path.Combine(folder, name);
            using var stream = File.OpenRead(path);
            files[name] = new JsonObject { ["sha256"] = Convert.ToHexStringLower(SHA256.HashData(stream)), ["size"] = new FileInfo(path).Length };
        }
        return files;
    }
}
