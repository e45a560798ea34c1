using Edge.Onnx;
using Edge.Onnx.Building;

namespace Edge.Onnx.Tests;

/// <summary>One small model per group of typed operators, each with a symbolic batch dimension.</summary>
internal static class SampleGraphs
{
    public static readonly IReadOnlyDictionary<string, Func<OnnxModel>> All = new Dictionary<string, Func<OnnxModel>>
    {
        ["conv"] = Conv,
        ["conv_transpose"] = ConvTranspose,
        ["gemm_matmul"] = GemmMatMul,
        ["softmax"] = SoftmaxAndActivations,
        ["argmin_reducemin"] = NearestCode,
        ["gather"] = Gather,
        ["resize"] = Resize,
        ["arithmetic"] = Arithmetic,
        ["shape"] = ShapeOps,
        ["pool_norm"] = PoolAndNorm,
    };

    public static OnnxModel Conv()
    {
        var g = new GraphBuilder("conv");
        var x = g.Input("x", ElementType.Float, "N", 2, 5, 5);
        var w = g.Initializer("w", Enumerable.Range(0, 3 * 2 * 3 * 3).Select(i => i * 0.01f).ToArray(), 3, 2, 3, 3);
        var b = g.Initializer("b", [0.1f, 0.2f, 0.3f], 3);
        var y = g.Conv(x, w, b, strides: [2, 2], pads: [1, 1, 1, 1]);
        g.Output(y, "y", ElementType.Float, "N", 3, 3, 3);
        return g.Build(new ModelInfo { DocString = "conv sample" });
    }

    public static OnnxModel ConvTranspose()
    {
        var g = new GraphBuilder("conv_transpose");
        var x = g.Input("x", ElementType.Float, "N", 2, 3, 3);
        var w = g.Initializer("w", Enumerable.Range(0, 2 * 1 * 2 * 2).Select(i => 1f - i * 0.1f).ToArray(), 2, 1, 2, 2);
        var y = g.ConvTranspose(x, w, strides: [2, 2]);
        g.Output(y, "y", ElementType.Float, "N", 1, 6, 6);
        return g.Build();
    }

    public static OnnxModel GemmMatMul()
    {
        var g = new GraphBuilder("gemm_matmul");
        var x = g.Input("x", ElementType.Float, "N", 4);
        var w = g.Initializer("w", Enumerable.Range(0, 12).Select(i => (float)i).ToArray(), 3, 4);
        var c = g.Initializer("c", [1f, 2f, 3f], 3);
        var dense = g.Gemm(x, w, c, alpha: 0.5f, transB: true);
        var m = g.Initializer("m", [1f, 0f, 0f, 1f, 1f, 1f], 3, 2);
        g.Output(g.MatMul(dense, m), "y", ElementType.Float, "N", 2);
        return g.Build();
    }

    public static OnnxModel SoftmaxAndActivations()
    {
        var g = new GraphBuilder("softmax");
        var x = g.Input("x", ElementType.Float, "N", 5);
        g.Output(g.Softmax(x, axis: 1), "softmax", ElementType.Float, "N", 5);
        g.Output(g.LogSoftmax(x, axis: 1), "log_softmax", ElementType.Float, "N", 5);
        g.Output(g.Sigmoid(g.Relu(x)), "sigmoid_relu", ElementType.Float, "N", 5);
        g.Output(g.LeakyRelu(g.Tanh(x), 0.2f), "leaky_tanh", ElementType.Float, "N", 5);
        return g.Build();
    }

    /// <summary>The codebook search the bundles need: squared distances to every code, nearest index and distance.</summary>
    public static OnnxModel NearestCode()
    {
        var g = new GraphBuilder("nearest_code");
        var z = g.Input("z", ElementType.Float, "M", 2);
        var codes = g.Initializer("codes", [0f, 0f, 1f, 0f, 0f, 2f], 3, 2);
        var zz = g.ReduceSum(g.Mul(z, z), [1], keepDims: true);
        var cc = g.ReduceSum(g.Mul(codes, codes), [1], keepDims: false);
        var zc = g.Gemm(z, codes, transB: true);
        var distances = g.Add(g.Sub(zz, g.Mul(g.Scalar(2f), zc)), cc);
        g.Output(g.ArgMin(distances, 1, keepDims: false), "index", ElementType.Int64, "M");
        g.Output(g.ReduceMin(distances, [1], keepDims: false), "distance", ElementType.Float, "M");
        return g.Build();
    }

    public static OnnxModel Gather()
    {
        var g = new GraphBuilder("gather");
        var indices = g.Input("indices", ElementType.Int64, "N");
        var table = g.Initializer("table", [10f, 11f, 20f, 21f, 30f, 31f], 3, 2);
        g.Output(g.Gather(table, indices), "rows", ElementType.Float, "N", 2);
        return g.Build();
    }

    public static OnnxModel Resize()
    {
        var g = new GraphBuilder("resize");
        var x = g.Input("x", ElementType.Float, "N", 1, 2, 2);
        g.Output(g.ResizeByScales(x, [1, 1, 2, 2], ResizeMode.Nearest, "asymmetric", "floor"), "nearest", ElementType.Float, "N", 1, 4, 4);
        g.Output(g.ResizeToSizes(x, [1, 1, 4, 4], ResizeMode.Linear, "pytorch_half_pixel"), "linear", ElementType.Float, 1, 1, 4, 4);
        return g.Build();
    }

    public static OnnxModel Arithmetic()
    {
        var g = new GraphBuilder("arithmetic");
        var a = g.Input("a", ElementType.Float, "N", 3);
        var b = g.Input("b", ElementType.Float, "N", 3);
        var sum = g.Add(a, b);
        var product = g.Mul(a, b);
        g.Output(g.Div(g.Sub(sum, product), g.Add(g.Abs(b), g.Scalar(1f))), "y", ElementType.Float, "N", 3);
        g.Output(g.Sqrt(g.Exp(g.Log(g.Add(g.Pow(a, g.Scalar(2f)), g.Scalar(1f))))), "z", ElementType.Float, "N", 3);
        g.Output(g.Clip(g.Neg(a), g.Scalar(-1f), g.Scalar(1f)), "clipped", ElementType.Float, "N", 3);
        g.Output(g.Where(g.Equal(a, b), a, g.Max(a, b)), "selected", ElementType.Float, "N", 3);
        return g.Build();
    }

    public static OnnxModel ShapeOps()
    {
        var g = new GraphBuilder("shape");
        var x = g.Input("x", ElementType.Float, "N", 2, 3);
        var t = g.Transpose(x, 0, 2, 1);
        var r = g.Reshape(t, -1, 6);
        var c = g.Concat(1, r, r);
        var s = g.Slice(c, [0], [4], [1]);
        var u = g.Squeeze(g.Unsqueeze(s, 1), 1);
        g.Output(g.Cast(u, ElementType.Double), "y", ElementType.Double, "N", 4);
        return g.Build();
    }

    public static OnnxModel PoolAndNorm()
    {
        var g = new GraphBuilder("pool_norm");
        var x = g.Input("x", ElementType.Float, "N", 2, 4, 4);
        var pooled = g.MaxPool(g.AveragePool(x, [2, 2], strides: [1, 1]), [2, 2], strides: [2, 2]);
        var normed = g.InstanceNormalization(pooled, g.Floats(1f, 2f), g.Floats(0f, 0.5f));
        g.Output(g.LayerNormalization(normed, g.Floats(1f), g.Floats(0f), axis: -1), "y", ElementType.Float, "N", 2, 1, 1);
        return g.Build();
    }
}
