using Edge.Bundles.Manifest;
using System.Text.Json;
using Edge.Onnx;
using Edge.Onnx.Building;
using Edge.Testing;
using Edge.Trainer.Export;
using Edge.Trainer.Model;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Edge.Trainer.Tests.Export;

/// <summary>
/// The exported graphs, run in ONNX Runtime, compute what an independent PyTorch implementation of the model
/// (reference_model.py, torch.nn.functional and torch.nn modules) computes from the same weights and inputs.
/// </summary>
public sealed class ExportParityTests
{
    private const float Tolerance = 1e-4f;

    public static TheoryData<bool> AttentionSettings => new() { false, true };

    [Theory]
    [MemberData(nameof(AttentionSettings))]
    public void All_four_graphs_pass_the_checker_and_match_the_pytorch_reference(bool attention)
    {
        var config = new PvqaeConfig
        {
            ImageSize = 32, BaseWidth = 8, EmbeddingDim = 8, CodebookSize = 16, RoutingHidden = 8,
            Attention = attention, AttentionHeads = 2, PriorWidth = 8, PriorHeads = 2, ClassCount = 2,
        };
        var weights = ModelLayout.RandomWeights(config, seed: 11);
        using var folder = new TempFolder();
        var info = new ModelInfo { ProducerName = "edge-train-test" };
        var graphs = new Dictionary<string, OnnxModel>
        {
            ["encoder"] = EncoderGraph.Build(config, weights, info),
            ["codebook"] = CodebookGraph.Build(config, weights, info),
            ["decoder"] = DecoderGraph.Build(config, weights, info),
            ["budget_prior"] = BudgetPriorGraph.Build(config, weights, info),
        };
        foreach (var (name, model) in graphs)
        {
            model.Save(folder.File($"{name}.onnx"));
            OnnxChecker.Check(folder.File($"{name}.onnx"));
        }

        var random = new Random(5);
        var image = new DenseTensor<float>(Enumerable.Range(0, 2 * 3 * 32 * 32).Select(_ => random.NextSingle() * 2f - 1f).ToArray(), [2, 3, 32, 32]);
        var ours = RunOurs(folder, image, config);
        WriteReferenceInputs(folder.Path, config, weights, image, ours);
        var output = ExternalTool.Python(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Export", "reference_model.py")), folder.Path);
        Assert.Equal("ok", output.Trim());

        foreach (var (name, values) in ours)
        {
            var reference = ReadReference(folder.Path, name, values);
            Assert.Equal(reference.Length, values.Length);
            for (var i = 0; i < values.Length; i++)
            {
                if (Math.Abs(reference[i] - values[i]) > Tolerance)
                {
                    Assert.Fail($"{name}[{i}]: ONNX Runtime {values[i]}, PyTorch {reference[i]}");
                }
            }
        }
    }

    private static Dictionary<string, float[]> RunOurs(TempFolder folder, DenseTensor<float> image, PvqaeConfig config)
    {
        var results = new Dictionary<string, float[]>();
        var encoded = Run(folder.File("encoder.onnx"), [NamedOnnxValue.CreateFromTensor(GraphNames.Image, image)]);
        foreach (var (k, v) in encoded)
        {
            results[k] = v.ToArray();
        }
        var latents = Enumerable.Range(0, 3).Select(l => NamedOnnxValue.CreateFromTensor(GraphNames.Latent(l), encoded[GraphNames.Latent(l)])).ToList();
        var coded = Run(folder.File("codebook.onnx"), latents);
        foreach (var (k, v) in coded)
        {
            results[k] = v.ToArray();
        }

        // Routing chosen per cell: argmax of the logits, as a one-hot map and as prior tokens.
        var logits = encoded[GraphNames.RoutingLogits];
        int n = 2, cells = config.TokenCount;
        var routing = new DenseTensor<float>([n, 3, config.CoarsestGrid, config.CoarsestGrid]);
        var tokens = new DenseTensor<long>([n, cells]);
        for (var b = 0; b < n; b++)
        {
            for (var cell = 0; cell < cells; cell++)
            {
                int y = cell / config.CoarsestGrid, x = cell % config.CoarsestGrid;
                var best = Enumerable.Range(0, 3).MaxBy(l => logits[b, l, y, x]);
                routing[b, best, y, x] = 1f;
                tokens[b, cell] = best;
            }
        }
        var decoderInputs = Enumerable.Range(0, 3).Select(l => NamedOnnxValue.CreateFromTensor(GraphNames.Quantized(l), coded[GraphNames.Quantized(l)])).ToList();
        decoderInputs.Add(NamedOnnxValue.CreateFromTensor(GraphNames.Routing, routing));
        results[GraphNames.Reconstruction] = Run(folder.File("decoder.onnx"), decoderInputs)[GraphNames.Reconstruction].ToArray();

        var classIds = new DenseTensor<long>(new long[] { 0, 1 }, [2]);
        results[GraphNames.PriorProbabilities] = Run(folder.File("budget_prior.onnx"),
            [NamedOnnxValue.CreateFromTensor(GraphNames.Tokens, tokens), NamedOnnxValue.CreateFromTensor(GraphNames.ClassId, classIds)])[GraphNames.PriorProbabilities].ToArray();
        results["tokens"] = tokens.ToArray().Select(t => (float)t).ToArray();
        return results;
    }

    private static Dictionary<string, DenseTensor<float>> Run(string path, IReadOnlyCollection<NamedOnnxValue> inputs)
    {
        using var session = new InferenceSession(path);
        using var outputs = session.Run(inputs);
        return outputs.ToDictionary(
            o => o.Name,
            o => o.Value is DenseTensor<long> longs
                ? new DenseTensor<float>(longs.ToArray().Select(v => (float)v).ToArray(), longs.Dimensions)
                : (DenseTensor<float>)((Tensor<float>)o.Value).Clone());
    }

    private static void WriteReferenceInputs(string folder, PvqaeConfig config, WeightSet weights, DenseTensor<float> image, Dictionary<string, float[]> ours)
    {
        Directory.CreateDirectory(Path.Combine(folder, "w"));
        Directory.CreateDirectory(Path.Combine(folder, "in"));
        var shapes = new Dictionary<string, long[]>();
        foreach (var name in weights.Names)
        {
            var (data, shape) = weights[name];
            WriteFloats(Path.Combine(folder, "w", name + ".bin"), data);
            shapes[name] = shape;
        }
        WriteFloats(Path.Combine(folder, "in", "image.bin"), image.ToArray());
        WriteLongs(Path.Combine(folder, "in", "tokens.bin"), ours["tokens"].Select(t => (long)t).ToArray());
        WriteLongs(Path.Combine(folder, "in", "class_id.bin"), [0, 1]);
        ours.Remove("tokens");
        var index = new
        {
            config = new { attention = config.Attention, attentionHeads = config.AttentionHeads, priorWidth = config.PriorWidth, priorHeads = config.PriorHeads, normalizedCodes = config.NormalizedCodes },
            weights = shapes,
            inputs = new Dictionary<string, object>
            {
                ["image"] = new { dtype = "f4", shape = new[] { 2, 3, 32, 32 } },
                ["tokens"] = new { dtype = "i8", shape = new[] { 2, config.TokenCount } },
                ["class_id"] = new { dtype = "i8", shape = new[] { 2 } },
            },
        };
        File.WriteAllText(Path.Combine(folder, "index.json"), JsonSerializer.Serialize(index));
    }

    private static float[] ReadReference(string folder, string name, float[] like)
    {
        var bytes = File.ReadAllBytes(Path.Combine(folder, "out", name + ".bin"));
        // Index outputs come back as int64.
        return bytes.Length == like.Length * 8
            ? System.Runtime.InteropServices.MemoryMarshal.Cast<byte, long>(bytes).ToArray().Select(v => (float)v).ToArray()
            : System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(bytes).ToArray();
    }

    private static void WriteFloats(string path, float[] data) =>
        File.WriteAllBytes(path, System.Runtime.InteropServices.MemoryMarshal.AsBytes(data.AsSpan()).ToArray());

    private static void WriteLongs(string path, long[] data) =>
        File.WriteAllBytes(path, System.Runtime.InteropServices.MemoryMarshal.AsBytes(data.AsSpan()).ToArray());
}
