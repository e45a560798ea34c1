using Edge.Bundles.Manifest;
using Edge.Onnx;
using Edge.Onnx.Building;
using Edge.Trainer.Model;

namespace Edge.Trainer.Export;

/// <summary>
/// decoder.onnx: the three quantized levels and a routing map (one weight per level per coarsest cell, one-hot at
/// inference) -> the reconstructed image. Each level is upsampled to the finest grid and weighted by its routing.
/// </summary>
public static class DecoderGraph
{
    public static OnnxModel Build(PvqaeConfig config, WeightSet weights, ModelInfo info)
    {
        config.Validate();
        var g = new GraphBuilder("decoder");
        var b = new GraphBlocks(g, weights);
        int c = config.BaseWidth, d = config.EmbeddingDim, coarse = config.CoarsestGrid;
        var quantized = Enumerable.Range(0, config.Levels)
            .Select(l => g.Input(GraphNames.Quantized(l), ElementType.Float, "N", d, config.GridOf(l), config.GridOf(l)))
            .ToArray();
        var routing = g.Input(GraphNames.Routing, ElementType.Float, "N", config.Levels, coarse, coarse);

        var routingFine = b.Upsample(routing, 4);
        Value? mixed = null;
        for (var level = 0; level < config.Levels; level++)
        {
            var up = level == 0 ? quantized[0] : b.Upsample(quantized[level], 1 << level);
            var weight = g.Slice(routingFine, [level], [level + 1], [1]);
            var term = g.Mul(up, weight);
            mixed = mixed is null ? term : g.Add(mixed.Value, term);
        }

        var x = b.Residual("dec.res0", b.Act(b.Conv("dec.in", mixed!.Value, padding: 1)));
        if (config.Attention)
        {
            x = b.SpatialAttention("dec.attn", x, 4 * c, config.FinestGrid, config.AttentionHeads);
        }
        x = b.Residual("dec.res1", b.Act(b.Conv("dec.up1", b.Upsample(x, 2), padding: 1)));
        x = b.Act(b.Conv("dec.up2", b.Upsample(x, 2), padding: 1));
        var image = b.Conv("dec.out", x, padding: 1);
        g.Output(image, GraphNames.Reconstruction, ElementType.Float, "N", config.ImageChannels, config.ImageSize, config.ImageSize);
        return g.Build(info with { DocString = "Edge PVQAE decoder: quantized levels + routing -> reconstruction (normalized pixels)." });
    }
}
