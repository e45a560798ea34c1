using System.Diagnostics;
using Edge.Bundles.Manifest;
using Edge.Inference.Sessions;

namespace Edge.Detection;

/// <summary>
/// The canary check a device runs before it trusts a bundle (manifest <c>golden</c>): the golden input goes through
/// the encoder, and each later graph is fed the golden EXPECTED outputs of the graphs before it (computed by libtorch
/// at export), so one graph's small numeric drift cannot flip a later argmax and fail a graph that is right.
/// Routing and prior tokens are the argmax of the expected routing logits (finest level for plain VQ).
/// Values are compared by <see cref="Float32Parity"/> (absolute plus relative tolerance); a codebook's quantized
/// latents may hold another code than libtorch's only at a near-tie of the two nearest codes
/// (<see cref="GoldenComparison.CompareNearestCode"/>), which the result counts.
/// </summary>
public static class GoldenCheck
{
    public static GoldenCheckResult Run(BundleModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var manifest = model.Manifest;
        var golden = manifest.Golden;
        var input = model.Bundle.ReadTensor(golden.Input).AsFloat32().ToArray();
        var state = new GoldenComparison(golden.Tolerance);
        var known = new Dictionary<string, float[]>(StringComparer.Ordinal);

        RunGraph(model, BundleGraph.Encoder, state, known, b => input.CopyTo(b.Input<float>(GraphNames.Image)));
        var levels = manifest.Architecture.Levels;
        var cells = (manifest.Input.Width / manifest.Architecture.CoarsestFactor) * (manifest.Input.Height / manifest.Architecture.CoarsestFactor);
        var chosen = new long[cells];
        if (!manifest.Architecture.PlainVq)
        {
            RoutingMaps.ArgMaxOverLevels(known[GraphNames.RoutingLogits], levels, chosen);
        }
        RunGraph(model, BundleGraph.Codebook, state, known, b =>
        {
            for (var l = 0; l < levels; l++)
            {
                known[GraphNames.Latent(l)].CopyTo(b.Input<float>(GraphNames.Latent(l)));
            }
        });
        RunGraph(model, BundleGraph.Decoder, state, known, b =>
        {
            for (var l = 0; l < levels; l++)
            {
                known[GraphNames.Quantized(l)].CopyTo(b.Input<float>(GraphNames.Quantized(l)));
            }
            RoutingMaps.OneHot(chosen, levels, b.Input<float>(GraphNames.Routing));
        });
        if (model.HasGraph(BundleGraph.BudgetPrior))
        {
            RunGraph(model, BundleGraph.BudgetPrior, state, known, b =>
            {
                chosen.CopyTo(b.Input<long>(GraphNames.Tokens));
                b.Input<long>(GraphNames.ClassId).Clear();
            });
        }

        using var detector = model.CreateDetector();
        detector.Detect(input);
        var clock = Stopwatch.StartNew();
        detector.Detect(input);
        return new GoldenCheckResult(state.Failure is null, state.WorstDifference, state.WorstShare, state.Compared, state.NearTies, state.Failure, clock.Elapsed);
    }

    /// <summary>Runs one graph; its float outputs become known (the expected tensor where the manifest lists one), and listed ones are compared.</summary>
    private static void RunGraph(BundleModel model, BundleGraph graph, GoldenComparison state, Dictionary<string, float[]> known, Action<InferenceBinding> fill)
    {
        var session = model.Session(graph);
        using var binding = session.CreateBinding(1);
        fill(binding);
        binding.Run();
        var name = BundleFileNames.GraphName(graph);
        model.Manifest.Golden.Outputs.TryGetValue(name, out var listed);
        foreach (var output in session.Outputs.Where(o => o.ElementType == Onnx.ElementType.Float))
        {
            var actual = binding.Output<float>(output.Name);
            if (listed is not null && listed.TryGetValue(output.Name, out var file))
            {
                var expected = model.Bundle.ReadTensor(file).AsFloat32();
                if (graph == BundleGraph.Codebook && QuantizedLevel(model.Manifest, output.Name) is { } level)
                {
                    state.CompareNearestCode($"{name}.{output.Name}", known[GraphNames.Latent(level)], expected, actual, model.Manifest.Architecture.EmbeddingDim);
                }
                else
                {
                    state.Compare($"{name}.{output.Name}", expected, actual);
                }
                known[output.Name] = expected.ToArray();
            }
            else
            {
                known[output.Name] = actual.ToArray();
            }
        }
        if (listed is not null)
        {
            foreach (var missing in listed.Keys.Where(k => session.Outputs.All(o => o.Name != k)))
            {
                state.Fail($"{name}.{missing}: the graph has no such output");
            }
        }
    }

    private static int? QuantizedLevel(BundleManifest manifest, string output)
    {
        for (var l = 0; l < manifest.Architecture.Levels; l++)
        {
            if (output == GraphNames.Quantized(l))
            {
                return l;
            }
        }
        return null;
    }
}
