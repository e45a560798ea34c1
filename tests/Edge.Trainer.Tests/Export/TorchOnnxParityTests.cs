using Edge.Bundles.Manifest;
using Edge.Inference.Sessions;
using Edge.Onnx.Building;
using Edge.Testing;
using Edge.Torch;
using Edge.Trainer.Export;
using Edge.Trainer.Model;

namespace Edge.Trainer.Tests.Export;

/// <summary>The exported graphs, in ONNX Runtime, compute what the libtorch training model computes (1e-4 absolute).</summary>
public sealed class TorchOnnxParityTests
{
    private const float Tolerance = 1e-4f;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Every_exported_graph_matches_the_libtorch_model_on_the_same_input(bool attention)
    {
        LibTorch.ManualSeed(3);
        var config = new PvqaeConfig
        {
            ImageSize = 32, BaseWidth = 8, EmbeddingDim = 8, CodebookSize = 16, RoutingHidden = 8,
            Attention = attention, AttentionHeads = 2, PriorWidth = 8, PriorHeads = 2, ClassCount = 2,
        };
        using var model = new Pvqae(config);
        using var prior = new BudgetPrior(config);
        model.Eval();
        prior.Eval();
        var weights = Weights.From(model, prior);
        using var folder = new TempFolder();
        var info = new ModelInfo();
        EncoderGraph.Build(config, weights, info).Save(folder.File("encoder.onnx"));
        CodebookGraph.Build(config, weights, info).Save(folder.File("codebook.onnx"));
        DecoderGraph.Build(config, weights, info).Save(folder.File("decoder.onnx"));
        BudgetPriorGraph.Build(config, weights, info).Save(folder.File("budget_prior.onnx"));

        var random = new Random(9);
        var image = Enumerable.Range(0, 3 * 32 * 32).Select(_ => random.NextSingle() * 2 - 1).ToArray();
        using var noGrad = LibTorch.NoGrad();
        using var input = Tensor.FromArray(image, [1, 3, 32, 32]);
        using var output = model.Forward(input);
        using var tokens = output.RoutingLogits.ArgMax(1).Reshape(1, config.TokenCount);
        using var classes = Tensor.FromArray(new long[] { 1 }, [1]);
        using var priorProbs = prior.Predict(tokens, classes);

        using var encoder = ModelSession.Open(folder.File("encoder.onnx"));
        using var e = encoder.CreateBinding();
        image.CopyTo(e.Input<float>(GraphNames.Image));
        e.Run();
        for (var l = 0; l < 3; l++)
        {
            Near(output.Latents[l].ToFloatArray(), e.Output<float>(GraphNames.Latent(l)), $"z{l}");
        }
        Near(output.RoutingLogits.ToFloatArray(), e.Output<float>(GraphNames.RoutingLogits), "routing logits");

        using var codebook = ModelSession.Open(folder.File("codebook.onnx"));
        using var c = codebook.CreateBinding();
        for (var l = 0; l < 3; l++)
        {
            e.Output<float>(GraphNames.Latent(l)).CopyTo(c.Input<float>(GraphNames.Latent(l)));
        }
        c.Run();
        for (var l = 0; l < 3; l++)
        {
            Assert.Equal(output.Indices[l].ToInt64Array(), c.Output<long>(GraphNames.Indices(l)).ToArray());
            Near(output.Quantized[l].ToFloatArray(), c.Output<float>(GraphNames.Quantized(l)), $"quantized{l}");
            Near(output.Distances[l].ToFloatArray(), c.Output<float>(GraphNames.Distance(l)), $"distance{l}");
        }

        using var decoder = ModelSession.Open(folder.File("decoder.onnx"));
        using var d = decoder.CreateBinding();
        for (var l = 0; l < 3; l++)
        {
            c.Output<float>(GraphNames.Quantized(l)).CopyTo(d.Input<float>(GraphNames.Quantized(l)));
        }
        output.Routing.ToFloatArray().CopyTo(d.Input<float>(GraphNames.Routing));
        d.Run();
        Near(output.Reconstruction.ToFloatArray(), d.Output<float>(GraphNames.Reconstruction), "reconstruction");

        using var priorGraph = ModelSession.Open(folder.File("budget_prior.onnx"));
        using var p = priorGraph.CreateBinding();
        tokens.ToInt64Array().CopyTo(p.Input<long>(GraphNames.Tokens));
        p.Input<long>(GraphNames.ClassId)[0] = 1;
        p.Run();
        Near(priorProbs.ToFloatArray(), p.Output<float>(GraphNames.PriorProbabilities), "prior probabilities");
    }

    [Fact]
    public void A_universal_prior_gives_every_class_its_one_token_in_libtorch_and_in_the_exported_graph()
    {
        var config = new PvqaeConfig
        {
            ImageSize = 32, BaseWidth = 8, EmbeddingDim = 8, CodebookSize = 16, RoutingHidden = 8,
            PriorWidth = 8, PriorHeads = 2, ClassCount = 3, UniversalPrior = true,
        };
        using var model = new Pvqae(config);
        using var prior = new BudgetPrior(config);
        prior.Eval();
        using var folder = new TempFolder();
        BudgetPriorGraph.Build(config, Weights.From(model, prior), new ModelInfo()).Save(folder.File("budget_prior.onnx"));
        using var noGrad = LibTorch.NoGrad();
        using var tokens = Tensor.FromArray(new long[] { 0, 1, 2, 1 }, [1, config.TokenCount]);
        using var first = Tensor.FromArray(new long[] { 0 }, [1]);
        using var third = Tensor.FromArray(new long[] { 2 }, [1]);
        using var forFirst = prior.Predict(tokens, first);
        using var forThird = prior.Predict(tokens, third);

        using var session = ModelSession.Open(folder.File("budget_prior.onnx"));
        using var p = session.CreateBinding();
        tokens.ToInt64Array().CopyTo(p.Input<long>(GraphNames.Tokens));
        p.Input<long>(GraphNames.ClassId)[0] = 2;
        p.Run();

        Assert.Equal(forFirst.ToFloatArray(), forThird.ToFloatArray());
        Near(forThird.ToFloatArray(), p.Output<float>(GraphNames.PriorProbabilities), "universal prior probabilities for class 2");
    }

    private static void Near(float[] torch, ReadOnlySpan<float> onnx, string what)
    {
        Assert.Equal(torch.Length, onnx.Length);
        for (var i = 0; i < torch.Length; i++)
        {
            if (MathF.Abs(torch[i] - onnx[i]) > Tolerance)
            {
                Assert.Fail($"{what}[{i}]: libtorch {torch[i]}, ONNX Runtime {onnx[i]}");
            }
        }
    }
}
