using Edge.Bundles.Files;
using Edge.Bundles.Manifest;
using Edge.Bundles.Tensors;
using Edge.Detection;
using Edge.Torch;
using Edge.Trainer.Model;

namespace Edge.Trainer.Export;

/// <summary>
/// The golden input and what libtorch computes from it, graph by graph, in the chain the device's canary check
/// follows (<c>Edge.Detection.GoldenCheck</c>): encoder outputs; codebook outputs of those latents; the decoder's
/// reconstruction from those codes routed by the argmax of the routing logits (finest level for plain VQ); the
/// prior's distribution for that routing and class 0. The model must be in evaluation mode.
/// The input is the one of <see cref="Candidates"/> pseudo-random images whose latents have the fewest near-ties of
/// their two nearest codes and keep them furthest apart (<see cref="SmallestMargin"/>), so that a near-tie, where the
/// two runtimes may rightly pick different codes, is rare in the check.
/// </summary>
public sealed class GoldenTensors
{
    public const string InputFile = "golden_input.npy";

    private readonly List<(BundleGraph Graph, string Output, NpyArray Tensor)> _outputs = [];

    /// <summary>How many pseudo-random images (seeds 1 to this) are tried as the golden input.</summary>
    public const int Candidates = 8;

    private GoldenTensors(NpyArray input, int seed, double smallestMargin, int nearTies)
    {
        Input = input;
        Seed = seed;
        SmallestMargin = smallestMargin;
        NearTies = nearTies;
    }

    public NpyArray Input { get; }

    /// <summary>The seed of the chosen input image.</summary>
    public int Seed { get; }

    /// <summary>
    /// Over every latent cell of every level, the smallest gap between the nearest and the second nearest code's
    /// squared distance, in units of the parity allowance (<see cref="Float32Parity.Allowance"/> of the nearest).
    /// </summary>
    public double SmallestMargin { get; }

    /// <summary>Latent cells whose gap is within the allowance: near-ties, where either code may be chosen.</summary>
    public int NearTies { get; }

    public IReadOnlyList<(BundleGraph Graph, string Output, NpyArray Tensor)> Outputs => _outputs;

    /// <summary>
    /// Runs libtorch on each candidate image, keeps the one with the fewest <see cref="NearTies"/>, among those the
    /// largest <see cref="SmallestMargin"/> (the first on equal margins), and every float output for it.
    /// </summary>
    public static GoldenTensors Compute(PvqaeConfig config, Pvqae model, BudgetPrior prior, WeightSet weights, double tolerance)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(weights);
        using var noGrad = LibTorch.NoGrad();
        var best = (Seed: 0, Margin: double.NegativeInfinity, NearTies: int.MaxValue);
        for (var seed = 1; seed <= Candidates; seed++)
        {
            using var scope = DisposeScope.Open();
            using var candidate = model.Forward(Tensor.FromArray(Image(config, seed), [1, config.ImageChannels, config.ImageSize, config.ImageSize]));
            var (margin, nearTies) = Margins(config, candidate, weights, tolerance);
            if (nearTies < best.NearTies || (nearTies == best.NearTies && margin > best.Margin))
            {
                best = (seed, margin, nearTies);
            }
        }
        return ForInput(config, model, prior, best.Seed, best.Margin, best.NearTies);
    }

    private static GoldenTensors ForInput(PvqaeConfig config, Pvqae model, BudgetPrior prior, int seed, double margin, int nearTies)
    {
        var s = config.ImageSize;
        var image = Image(config, seed);
        using var scope = DisposeScope.Open();
        using var output = model.Forward(Tensor.FromArray(image, [1, config.ImageChannels, s, s]));
        var golden = new GoldenTensors(NpyArray.FromFloat32(image, 1, config.ImageChannels, s, s), seed, margin, nearTies);
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

    private static float[] Image(PvqaeConfig config, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, config.ImageChannels * config.ImageSize * config.ImageSize).Select(_ => random.NextSingle()).ToArray();
    }

    /// <summary>The smallest nearest-to-second gap over the latents in allowance units, and how many cells are near-ties.</summary>
    private static (double Smallest, int NearTies) Margins(PvqaeConfig config, Pvqae.Output output, WeightSet weights, double tolerance)
    {
        var smallest = double.PositiveInfinity;
        var nearTies = 0;
        for (var l = 0; l < config.Levels; l++)
        {
            var latent = output.Latents[l].ToFloatArray();
            var codes = weights.Expect($"vq{l}.codes", config.CodebookSize, config.EmbeddingDim).Data;
            var cells = latent.Length / config.EmbeddingDim;
            for (var cell = 0; cell < cells; cell++)
            {
                var (nearest, second) = LatentDistances.NearestTwo(latent, cells, cell, codes, config.EmbeddingDim);
                smallest = Math.Min(smallest, (second - nearest) / Float32Parity.Allowance(nearest, tolerance));
                nearTies += LatentDistances.IsNearTie(nearest, second, tolerance) ? 1 : 0;
            }
        }
        return (smallest, nearTies);
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
