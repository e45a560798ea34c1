using Edge.Bundles.Files;
using Edge.Bundles.Manifest;
using Edge.Bundles.Tensors;
using Edge.Torch;
using Edge.Trainer.Model;

namespace Edge.Trainer.Export;

/// <summary>
/// The golden input and what libtorch computes from it, graph by graph, in the chain the device's canary check
/// follows (<c>Edge.Detection.GoldenCheck</c>): encoder outputs; codebook outputs of those latents; the decoder's
/// reconstruction from those codes routed by the argmax of the routing logits (finest level for plain VQ); the
/// prior's distribution for that routing and class 0. The model must be in evaluation mode.
/// </summary>
public sealed class GoldenTensors
{
    public const string InputFile = "golden_input.npy";

    private readonly List<(BundleGraph Graph, string Output, NpyArray Tensor)> _outputs = [];

    private GoldenTensors(NpyArray input)
    {
        Input = input;
    }

    public NpyArray Input { get; }

    public IReadOnlyList<(BundleGraph Graph, string Output, NpyArray Tensor)> Outputs => _outputs;

    /// <summary>Runs libtorch on a fixed pseudo-random image (seed 1) and keeps every float output.</summary>
    public static GoldenTensors Compute(PvqaeConfig config, Pvqae model, BudgetPrior prior)
    {
        var random = new Random(1);
        var s = config.ImageSize;
        var image = Enumerable.Range(0, config.ImageChannels * s * s).Select(_ => random.NextSingle()).ToArray();
        using var noGrad = LibTorch.NoGrad();
        using var scope = DisposeScope.Open();
        using var output = model.Forward(Tensor.FromArray(image, [1, config.ImageChannels, s, s]));
        var golden = new GoldenTensors(NpyArray.FromFloat32(image, 1, config.ImageChannels, s, s));
        golden.Add(BundleGraph.Encoder, GraphNames.RoutingLogits, output.RoutingLogits);
        for (var l = 0; l < config.Levels; l++)
        {
            golden.Add(BundleGraph.Encoder, GraphNames.Latent(l), output.Latents[l]);
            golden.Add(BundleGraph.Codebook, GraphNames.Quantized(l), output.Quantized[l]);
            golden.Add(BundleGraph.Codebook, GraphNames.Distance(l), output.Distances[l]);
        }
        golden.Add(BundleGraph.Decoder, GraphNames.Reconstruction, output.Reconstruction);
        if (!config.PlainVq)
        {
            var tokens = output.RoutingLogits.ArgMax(1).Reshape(1, config.TokenCount);
            golden.Add(BundleGraph.BudgetPrior, GraphNames.PriorProbabilities, prior.Predict(tokens, Tensor.FromArray(new long[] { 0 }, [1])));
        }
        return golden;
    }

    /// <summary>Adds the tensors to the bundle and returns the manifest's golden section.</summary>
    public GoldenSpec Write(BundleWriter writer, double tolerance)
    {
        writer.AddTensor(InputFile, Input);
        var outputs = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var group in _outputs.GroupBy(o => BundleFileNames.GraphName(o.Graph)))
        {
            var files = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (_, name, tensor) in group)
            {
                var file = $"golden_{group.Key}_{name}.npy";
                writer.AddTensor(file, tensor);
                files[name] = file;
            }
            outputs[group.Key] = files;
        }
        return new GoldenSpec { Input = InputFile, Outputs = outputs, Tolerance = tolerance };
    }

    private void Add(BundleGraph graph, string output, Tensor tensor) =>
        _outputs.Add((graph, output, NpyArray.FromFloat32(tensor.ToFloatArray(), tensor.Shape.Select(d => (int)d).ToArray())));
}
