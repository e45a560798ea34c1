using Edge.Onnx;
using Edge.Onnx.Building;
using Edge.Trainer.Model;

namespace Edge.Trainer.Export;

/// <summary>
/// The model's layers written as ONNX operators, reading their weights from a <see cref="WeightSet"/> by the names
/// in trainer/MODEL.md. Every block computes exactly what its libtorch counterpart computes.
/// </summary>
internal sealed class GraphBlocks(GraphBuilder graph, WeightSet weights)
{
    public const float LeakySlope = 0.2f;

    public GraphBuilder Graph { get; } = graph;

    /// <summary>Conv2d with bias; square kernel, equal padding on every side.</summary>
    public Value Conv(string name, Value x, long stride = 1, long padding = 0)
    {
        var (w, shape) = weights[$"{name}.weight"];
        var weight = Graph.Initializer($"{name}.weight", w, shape);
        var (b, bShape) = weights.Expect($"{name}.bias", shape[0]);
        var bias = Graph.Initializer($"{name}.bias", b, bShape);
        return Graph.Conv(x, weight, bias, strides: [stride, stride], pads: [padding, padding, padding, padding]);
    }

    public Value Act(Value x) => Graph.LeakyRelu(x, LeakySlope);

    /// <summary>Residual block: x + conv1x1(act(conv3x3(act(x)))).</summary>
    public Value Residual(string name, Value x)
    {
        var h = Conv($"{name}.conv1", Act(x), padding: 1);
        h = Conv($"{name}.conv2", Act(h));
        return Graph.Add(x, h);
    }

    /// <summary>Nearest-neighbour upsampling by an integer factor (PyTorch's interpolate(mode="nearest")).</summary>
    public Value Upsample(Value x, int factor) =>
        Graph.ResizeByScales(x, [1, 1, factor, factor], ResizeMode.Nearest, "asymmetric", "floor");

    /// <summary>x @ W^T + b for a [.., in] input and a PyTorch [out, in] weight.</summary>
    public Value Linear(string name, Value x)
    {
        var (w, shape) = weights[$"{name}.weight"];
        var transposed = Transpose2d(w, (int)shape[0], (int)shape[1]);
        var weight = Graph.Initializer($"{name}.weight_t", transposed, shape[1], shape[0]);
        var (b, bShape) = weights.Expect($"{name}.bias", shape[0]);
        return Graph.Add(Graph.MatMul(x, weight), Graph.Initializer($"{name}.bias", b, bShape));
    }

    public Value LayerNorm(string name, Value x)
    {
        var (g, gShape) = weights[$"{name}.weight"];
        var (b, bShape) = weights[$"{name}.bias"];
        return Graph.LayerNormalization(x, Graph.Initializer($"{name}.weight", g, gShape), Graph.Initializer($"{name}.bias", b, bShape), axis: -1);
    }

    /// <summary>GELU, exact form (opset 17 has no Gelu): 0.5 x (1 + erf(x / sqrt 2)).</summary>
    public Value Gelu(Value x)
    {
        var erf = Graph.Node("Erf", [Graph.Mul(x, Graph.Scalar(1f / MathF.Sqrt(2f)))])[0];
        return Graph.Mul(Graph.Mul(x, Graph.Scalar(0.5f)), Graph.Add(erf, Graph.Scalar(1f)));
    }

    /// <summary>
    /// Multi-head self-attention over tokens [N, T, C] with PyTorch MultiheadAttention's packed in_proj
    /// ([3C, C] weight: query, key, value rows in that order) and out_proj.
    /// </summary>
    public Value SelfAttention(string name, Value x, int tokens, int width, int heads)
    {
        var headWidth = width / heads;
        var (w, _) = weights.Expect($"{name}.in_proj_weight", 3 * width, width);
        var (b, _) = weights.Expect($"{name}.in_proj_bias", 3 * width);
        Value Project(int part)
        {
            var rows = w.AsSpan(part * width * width, width * width).ToArray();
            var weight = Graph.Initializer($"{name}.w{"qkv"[part]}_t", Transpose2d(rows, width, width), width, width);
            var bias = Graph.Initializer($"{name}.b{"qkv"[part]}", b.AsSpan(part * width, width), width);
            var projected = Graph.Add(Graph.MatMul(x, weight), bias);
            // [N, T, C] -> [N, heads, T, headWidth]
            return Graph.Transpose(Graph.Reshape(projected, 0, tokens, heads, headWidth), 0, 2, 1, 3);
        }
        var q = Project(0);
        var k = Project(1);
        var v = Project(2);
        var scores = Graph.Mul(Graph.MatMul(q, Graph.Transpose(k, 0, 1, 3, 2)), Graph.Scalar(1f / MathF.Sqrt(headWidth)));
        var context = Graph.MatMul(Graph.Softmax(scores, -1), v);
        var merged = Graph.Reshape(Graph.Transpose(context, 0, 2, 1, 3), 0, tokens, width);
        return Linear($"{name}.out_proj", merged);
    }

    /// <summary>Residual self-attention over the cells of a [N, C, H, W] map: x + MHA(tokens(x)).</summary>
    public Value SpatialAttention(string name, Value x, int width, int side, int heads)
    {
        var tokens = side * side;
        var sequence = Graph.Transpose(Graph.Reshape(x, 0, width, tokens), 0, 2, 1);
        var attended = SelfAttention(name, sequence, tokens, width, heads);
        var back = Graph.Reshape(Graph.Transpose(attended, 0, 2, 1), 0, width, side, side);
        return Graph.Add(x, back);
    }

    public static float[] Transpose2d(ReadOnlySpan<float> data, int rows, int columns)
    {
        var result = new float[data.Length];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                result[c * rows + r] = data[r * columns + c];
            }
        }
        return result;
    }

    public static ElementType Float => ElementType.Float;
}
