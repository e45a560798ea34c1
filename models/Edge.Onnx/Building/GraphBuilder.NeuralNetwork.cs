namespace Edge.Onnx.Building;

/// <summary>Convolution, dense and activation operators.</summary>
public sealed partial class GraphBuilder
{
    /// <summary>N-d convolution (2-D or 3-D by the weight's rank). Pads are given as ONNX orders them: all begins, then all ends.</summary>
    public Value Conv(Value x, Value weight, Value? bias = null, long[]? strides = null, long[]? pads = null, long[]? dilations = null, long group = 1)
    {
        var attributes = new Dictionary<string, object> { ["group"] = group };
        AddIfGiven(attributes, "strides", strides);
        AddIfGiven(attributes, "pads", pads);
        AddIfGiven(attributes, "dilations", dilations);
        return Single("Conv", [x, weight, bias], attributes);
    }

    /// <summary>N-d transposed convolution; <paramref name="outputPadding"/> adds to the end of each spatial dimension.</summary>
    public Value ConvTranspose(Value x, Value weight, Value? bias = null, long[]? strides = null, long[]? pads = null, long[]? outputPadding = null, long group = 1)
    {
        var attributes = new Dictionary<string, object> { ["group"] = group };
        AddIfGiven(attributes, "strides", strides);
        AddIfGiven(attributes, "pads", pads);
        AddIfGiven(attributes, "output_padding", outputPadding);
        return Single("ConvTranspose", [x, weight, bias], attributes);
    }

    /// <summary>alpha * op(A) * op(B) + beta * C, with op a transpose where asked.</summary>
    public Value Gemm(Value a, Value b, Value? c = null, float alpha = 1f, float beta = 1f, bool transA = false, bool transB = false) =>
        Single("Gemm", [a, b, c], new Dictionary<string, object>
        {
            ["alpha"] = alpha,
            ["beta"] = beta,
            ["transA"] = transA,
            ["transB"] = transB,
        });

    public Value MatMul(Value a, Value b) => Single("MatMul", [a, b]);

    public Value Softmax(Value x, long axis = -1) => Single("Softmax", [x], new Dictionary<string, object> { ["axis"] = axis });

    public Value LogSoftmax(Value x, long axis = -1) => Single("LogSoftmax", [x], new Dictionary<string, object> { ["axis"] = axis });

    public Value Relu(Value x) => Single("Relu", [x]);

    public Value LeakyRelu(Value x, float alpha = 0.01f) => Single("LeakyRelu", [x], new Dictionary<string, object> { ["alpha"] = alpha });

    public Value Sigmoid(Value x) => Single("Sigmoid", [x]);

    public Value Tanh(Value x) => Single("Tanh", [x]);

    /// <summary>Normalizes each channel of each sample (group normalization is this over reshaped groups).</summary>
    public Value InstanceNormalization(Value x, Value scale, Value bias, float epsilon = 1e-5f) =>
        Single("InstanceNormalization", [x, scale, bias], new Dictionary<string, object> { ["epsilon"] = epsilon });

    public Value LayerNormalization(Value x, Value scale, Value? bias = null, long axis = -1, float epsilon = 1e-5f) =>
        Single("LayerNormalization", [x, scale, bias], new Dictionary<string, object> { ["axis"] = axis, ["epsilon"] = epsilon });

    public Value AveragePool(Value x, long[] kernelShape, long[]? strides = null, long[]? pads = null)
    {
        var attributes = new Dictionary<string, object> { ["kernel_shape"] = kernelShape };
        AddIfGiven(attributes, "strides", strides);
        AddIfGiven(attributes, "pads", pads);
        return Single("AveragePool", [x], attributes);
    }

    public Value MaxPool(Value x, long[] kernelShape, long[]? strides = null, long[]? pads = null)
    {
        var attributes = new Dictionary<string, object> { ["kernel_shape"] = kernelShape };
        AddIfGiven(attributes, "strides", strides);
        AddIfGiven(attributes, "pads", pads);
        return Single("MaxPool", [x], attributes);
    }

    private Value Single(string opType, IReadOnlyList<Value?> inputs, IReadOnlyDictionary<string, object>? attributes = null) =>
        Node(opType, inputs, 1, attributes)[0];

    private static void AddIfGiven(Dictionary<string, object> attributes, string name, long[]? value)
    {
        if (value is not null)
        {
            attributes[name] = value;
        }
    }
}
