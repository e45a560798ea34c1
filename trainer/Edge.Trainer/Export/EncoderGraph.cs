using Edge.Bundles.Manifest;
using Edge.Onnx;
using Edge.Onnx.Building;
using Edge.Trainer.Model;

namespace Edge.Trainer.Export;

/// <summary>encoder.onnx: image -> the three levels' latents and the routing logits (one per level per coarsest cell).</summary>
public static class EncoderGraph
{
    public static OnnxModel Build(PvqaeConfig config, WeightSet weights, ModelInfo info)
    {
        config.Validate();
        var g = new GraphBuilder("encoder");
        var b = new GraphBlocks(g, weights);
        int s = config.ImageSize, c = config.BaseWidth, d = config.EmbeddingDim;
        var image = g.Input(GraphNames.Image, ElementType.Float, "N", config.ImageChannels, s, s);

        var x = b.Act(b.Conv("enc.stem", image, padding: 1));
        x = b.Residual("enc.down1.res", b.Act(b.Conv("enc.down1.conv", x, stride: 2, padding: 1)));
        var stage2 = b.Residual("enc.down2.res", b.Act(b.Conv("enc.down2.conv", x, stride: 2, padding: 1)));
        var stage3 = b.Residual("enc.down3.res", b.Act(b.Conv("enc.down3.conv", stage2, stride: 2, padding: 1)));
        var stage4 = b.Residual("enc.down4.res", b.Act(b.Conv("enc.down4.conv", stage3, stride: 2, padding: 1)));
        if (config.Attention)
        {
            stage4 = b.SpatialAttention("enc.attn", stage4, 4 * c, config.CoarsestGrid, config.AttentionHeads);
        }
        Value[] latents = [b.Conv("enc.proj0", stage2), b.Conv("enc.proj1", stage3), b.Conv("enc.proj2", stage4)];
        if (config.NormalizedCodes)
        {
            latents = latents.Select(z => UnitLength(g, z)).ToArray();
        }
        for (var level = 0; level < 3; level++)
        {
            var side = config.GridOf(level);
            g.Output(latents[level], GraphNames.Latent(level), ElementType.Float, "N", d, side, side);
        }

        // Routing: pool the finer levels to the coarsest grid, concatenate, a one-hidden-layer MLP per cell (1x1 convs).
        var pooled0 = g.AveragePool(latents[0], [4, 4], strides: [4, 4]);
        var pooled1 = g.AveragePool(latents[1], [2, 2], strides: [2, 2]);
        var hidden = g.Relu(b.Conv("route.fc1", g.Concat(1, pooled0, pooled1, latents[2])));
        var coarse = config.CoarsestGrid;
        g.Output(b.Conv("route.fc2", hidden), GraphNames.RoutingLogits, ElementType.Float, "N", config.Levels, coarse, coarse);
        return g.Build(info with { DocString = "Edge PVQAE encoder: image -> latents z0 (/4), z1 (/8), z2 (/16) and routing logits." });
    }

    /// <summary>UnitSphere.Normalize over the channel axis, in the same operations and order as libtorch's.</summary>
    private static Value UnitLength(GraphBuilder g, Value z)
    {
        var sum = g.ReduceSum(g.Mul(z, z), [1], keepDims: true);
        var length = g.Sqrt(g.Max(sum, g.Scalar(UnitSphere.Epsilon * UnitSphere.Epsilon)));
        return g.Div(z, length);
    }
}
