using Edge.Bundles.Manifest;
using Edge.Onnx;
using Edge.Onnx.Building;
using Edge.Trainer.Model;

namespace Edge.Trainer.Export;

/// <summary>
/// budget_prior.onnx: the normal budget prior of METHOD.md section 2. Input: the routing level chosen for every
/// coarsest cell (tokens) and the product class; output: for every cell, the prior's distribution over levels
/// predicted from all the other cells. Every position is masked in turn, and the T masked copies go through the
/// one-block transformer together (one forward pass of batch N*T).
/// </summary>
public static class BudgetPriorGraph
{
    public static OnnxModel Build(PvqaeConfig config, WeightSet weights, ModelInfo info)
    {
        config.Validate();
        var g = new GraphBuilder("budget_prior");
        var b = new GraphBlocks(g, weights);
        int t = config.TokenCount, p = config.PriorWidth, levels = config.Levels;
        var tokens = g.Input(GraphNames.Tokens, ElementType.Int64, "N", t);
        var classId = g.Input(GraphNames.ClassId, ElementType.Int64, "N");

        // [N, T] -> [N, T(copies), T(positions)], position i of copy i replaced by the mask token (id = levels).
        var copies = g.Expand(g.Unsqueeze(tokens, 1), g.Int64s(1, t, t));
        var eye = g.Initializer("prior.eye", Identity(t), t, t);
        var diagonal = g.Cast(eye, ElementType.Bool);
        var masked = g.Where(diagonal, g.Int64s(levels), copies);
        var flat = g.Reshape(masked, -1, t);

        var tokenTable = Table(g, weights, "prior.tokens", levels + 1, p);
        var classTable = config.UniversalPrior
            ? SharedRow(g, weights, "prior.classes", config.ClassCount, p)
            : Table(g, weights, "prior.classes", config.ClassCount, p);
        var positions = Table(g, weights, "prior.pos", t + 1, p);
        var embedded = g.Gather(tokenTable, flat);
        var cls = g.Reshape(g.Expand(g.Unsqueeze(g.Gather(classTable, classId), 1), g.Int64s(1, t, p)), -1, 1, p);
        var x = g.Add(g.Concat(1, cls, embedded), positions);

        // One pre-norm transformer block, then a final norm and a head over the levels.
        x = g.Add(x, b.SelfAttention("prior.block.attn", b.LayerNorm("prior.block.ln1", x), t + 1, p, config.PriorHeads));
        x = g.Add(x, b.Linear("prior.block.mlp.fc2", b.Gelu(b.Linear("prior.block.mlp.fc1", b.LayerNorm("prior.block.ln2", x)))));
        var logits = b.Linear("prior.head", b.LayerNorm("prior.ln_f", x));

        // Keep, from copy i, only the prediction at its masked position i.
        var perPosition = g.Reshape(g.Slice(logits, [1], [t + 1], [1]), -1, t, t, levels);
        var picked = g.ReduceSum(g.Mul(perPosition, g.Initializer("prior.pick", Identity(t), t, t, 1)), [2], keepDims: false);
        g.Output(g.Softmax(picked, -1), GraphNames.PriorProbabilities, ElementType.Float, "N", t, levels);
        return g.Build(info with { DocString = "Edge budget prior: routing tokens + class -> per-cell prior over levels (each cell masked in turn)." });
    }

    private static Value Table(GraphBuilder g, WeightSet weights, string name, int rows, int width)
    {
        var (data, shape) = weights.Expect($"{name}.weight", rows, width);
        return g.Initializer($"{name}.weight", data, shape);
    }

    /// <summary>A universal prior's table: every class's row is the trained first row, so any class id gives the one token.</summary>
    private static Value SharedRow(GraphBuilder g, WeightSet weights, string name, int rows, int width)
    {
        var (data, _) = weights.Expect($"{name}.weight", rows, width);
        var shared = new float[rows * width];
        for (var r = 0; r < rows; r++)
        {
            data.AsSpan(0, width).CopyTo(shared.AsSpan(r * width, width));
        }
        return g.Initializer($"{name}.weight", shared, [rows, width]);
    }

    private static float[] Identity(int size)
    {
        var eye = new float[size * size];
        for (var i = 0; i < size; i++)
        {
            eye[i * size + i] = 1f;
        }
        return eye;
    }
}
