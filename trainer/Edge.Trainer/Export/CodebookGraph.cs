using Edge.Bundles.Manifest;
using Edge.Onnx;
using Edge.Onnx.Building;
using Edge.Trainer.Model;

namespace Edge.Trainer.Export;

/// <summary>
/// codebook.onnx: for each level, the nearest code of every latent cell (index), its vector (quantized latent) and the
/// squared distance to it. Distances are ||z||^2 - 2 z.q + ||q||^2, one matrix product (METHOD.md section 1).
/// </summary>
public static class CodebookGraph
{
    public static OnnxModel Build(PvqaeConfig config, WeightSet weights, ModelInfo info)
    {
        config.Validate();
        var g = new GraphBuilder("codebook");
        int d = config.EmbeddingDim, k = config.CodebookSize;
        for (var level = 0; level < config.Levels; level++)
        {
            var side = config.GridOf(level);
            var z = g.Input(GraphNames.Latent(level), ElementType.Float, "N", d, side, side);
            var (raw, shape) = weights.Expect($"vq{level}.codes", k, d);
            // Training uses the codes normalized (PvqaeConfig.NormalizedCodes): the graph stores them as used.
            var data = config.NormalizedCodes ? UnitSphere.NormalizeRows(raw, k, d) : raw;
            var codes = g.Initializer($"vq{level}.codes", data, shape);
            var codesT = g.Initializer($"vq{level}.codes_t", GraphBlocks.Transpose2d(data, k, d), d, k);
            var codeNorms = g.Initializer($"vq{level}.code_norms", Norms(data, k, d), k);

            var flat = g.Reshape(g.Transpose(z, 0, 2, 3, 1), -1, d);
            var zNorm = g.ReduceSum(g.Mul(flat, flat), [1], keepDims: true);
            var cross = g.MatMul(flat, codesT);
            var distances = g.Add(g.Sub(zNorm, g.Mul(cross, g.Scalar(2f))), codeNorms);
            var index = g.ArgMin(distances, 1, keepDims: false);
            // Rounding can push the nearest distance a hair below zero; it is a squared length.
            var nearest = g.Max(g.ReduceMin(distances, [1], keepDims: false), g.Scalar(0f));
            var quantized = g.Transpose(g.Reshape(g.Gather(codes, index), -1, side, side, d), 0, 3, 1, 2);

            g.Output(g.Reshape(index, -1, side, side), GraphNames.Indices(level), ElementType.Int64, "N", side, side);
            g.Output(quantized, GraphNames.Quantized(level), ElementType.Float, "N", d, side, side);
            g.Output(g.Reshape(nearest, -1, side, side), GraphNames.Distance(level), ElementType.Float, "N", side, side);
        }
        return g.Build(info with { DocString = "Edge PVQAE codebooks: nearest code index, quantized latent and squared distance per level." });
    }

    private static float[] Norms(float[] codes, int count, int width)
    {
        var norms = new float[count];
        for (var i = 0; i < count; i++)
        {
            var sum = 0f;
            for (var j = 0; j < width; j++)
            {
                sum += codes[i * width + j] * codes[i * width + j];
            }
            norms[i] = sum;
        }
        return norms;
    }
}
