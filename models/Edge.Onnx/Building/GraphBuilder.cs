using Onnx;

namespace Edge.Onnx.Building;

/// <summary>
/// Builds one ONNX graph: inputs, initializers, nodes and outputs, then a model around it.
/// The typed operator methods (Conv, Gemm, Resize, ...) live in the partial files beside this one;
/// <see cref="Node"/> reaches any operator.
/// </summary>
/// <remarks>Not thread-safe: one builder per thread.</remarks>
public sealed partial class GraphBuilder
{
    /// <summary>The oldest and newest default-domain opsets the typed methods know how to emit.</summary>
    public const int MinOpset = 17;
    public const int MaxOpset = 21;

    private readonly GraphProto _graph;
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);
    private int _nextId;

    public GraphBuilder(string name, int opset = MinOpset)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (opset is < MinOpset or > MaxOpset)
        {
            throw new ArgumentOutOfRangeException(nameof(opset), opset, $"Opset must be {MinOpset}..{MaxOpset}.");
        }
        _graph = new GraphProto { Name = name };
        Opset = opset;
    }

    public int Opset { get; }

    /// <summary>Declares a graph input.</summary>
    public Value Input(string name, ElementType type, params Dim[] shape)
    {
        Claim(name);
        _graph.Input.Add(ValueInfo(name, type, shape));
        return new Value(name);
    }

    /// <summary>Declares <paramref name="value"/> a graph output with the given type and shape (no shape: left to inference).</summary>
    public void Output(Value value, ElementType type, params Dim[]? shape)
    {
        _graph.Output.Add(ValueInfo(value.Name, type, shape is { Length: > 0 } ? shape : null));
    }

    /// <summary>Declares a graph output under a new name, through an Identity node.</summary>
    public Value Output(Value value, string name, ElementType type, params Dim[]? shape)
    {
        var named = Node("Identity", [value], [name])[0];
        Output(named, type, shape);
        return named;
    }

    public Value Initializer(string name, ReadOnlySpan<float> data, params long[] shape) =>
        AddInitializer(Tensors.Float(name, data, shape));

    public Value Initializer(string name, ReadOnlySpan<long> data, params long[] shape) =>
        AddInitializer(Tensors.Int64(name, data, shape));

    public Value Initializer(string name, ReadOnlySpan<int> data, params long[] shape) =>
        AddInitializer(Tensors.Int32(name, data, shape));

    /// <summary>A 1-D int64 initializer with a generated name, for shapes, axes and indices.</summary>
    public Value Int64s(params long[] values) => Initializer(Fresh("const"), values, values.Length);

    /// <summary>A 1-D float initializer with a generated name, for scales and the like.</summary>
    public Value Floats(params float[] values) => Initializer(Fresh("const"), values, values.Length);

    /// <summary>A float scalar initializer with a generated name.</summary>
    public Value Scalar(float value) => Initializer(Fresh("const"), [value]);

    /// <summary>
    /// Adds a node of any operator. A null input is an omitted optional input (ONNX's empty name).
    /// Attribute values are typed by their CLR type: int/long/bool, float, string, int[]/long[], float[], string[], TensorProto.
    /// </summary>
    public Value[] Node(
        string opType,
        IReadOnlyList<Value?> inputs,
        int outputCount = 1,
        IReadOnlyDictionary<string, object>? attributes = null,
        string domain = "")
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(outputCount, 1);
        var outputs = new string[outputCount];
        for (var i = 0; i < outputCount; i++)
        {
            outputs[i] = Fresh(opType);
        }
        return Node(opType, inputs, outputs, attributes, domain);
    }

    /// <summary>Adds a node whose outputs get the given names.</summary>
    public Value[] Node(
        string opType,
        IReadOnlyList<Value?> inputs,
        IReadOnlyList<string> outputNames,
        IReadOnlyDictionary<string, object>? attributes = null,
        string domain = "")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(opType);
        var node = new NodeProto { OpType = opType, Domain = domain, Name = $"{opType}_{_graph.Node.Count}" };
        foreach (var input in inputs)
        {
            node.Input.Add(input?.Name ?? "");
        }
        foreach (var output in outputNames)
        {
            if (!_names.Contains(output))
            {
                Claim(output);
            }
            node.Output.Add(output);
        }
        if (attributes is not null)
        {
            foreach (var (key, value) in attributes.OrderBy(a => a.Key, StringComparer.Ordinal))
            {
                node.Attribute.Add(AttributeConverter.ToAttribute(key, value));
            }
        }
        _graph.Node.Add(node);
        return outputNames.Select(n => new Value(n)).ToArray();
    }

    /// <summary>Builds the model. The builder can go on being used; the model holds a copy of the graph.</summary>
    public OnnxModel Build(ModelInfo? info = null)
    {
        info ??= new ModelInfo();
        if (_graph.Output.Count == 0)
        {
            throw new InvalidOperationException($"Graph '{_graph.Name}' has no outputs.");
        }
        var model = new ModelProto
        {
            IrVersion = IrVersionFor(Opset),
            ProducerName = info.ProducerName,
            ProducerVersion = info.ProducerVersion,
            Domain = info.Domain,
            ModelVersion = info.ModelVersion,
            DocString = info.DocString,
            Graph = _graph.Clone(),
        };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = Opset });
        foreach (var (key, value) in info.Metadata.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            model.MetadataProps.Add(new StringStringEntryProto { Key = key, Value = value });
        }
        return new OnnxModel(model);
    }

    /// <summary>The IR version that goes with a default-domain opset (ONNX's versioning table).</summary>
    public static long IrVersionFor(int opset) => opset switch
    {
        <= 18 => 8,
        <= 20 => 9,
        _ => 10,
    };

    private Value AddInitializer(TensorProto tensor)
    {
        Claim(tensor.Name);
        _graph.Initializer.Add(tensor);
        return new Value(tensor.Name);
    }

    private void Claim(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!_names.Add(name))
        {
            throw new ArgumentException($"The name '{name}' is already used in graph '{_graph.Name}'.", nameof(name));
        }
    }

    private string Fresh(string stem)
    {
        string name;
        do
        {
            name = $"{stem}_{_nextId++}";
        }
        while (_names.Contains(name));
        return name;
    }

    private static ValueInfoProto ValueInfo(string name, ElementType type, IReadOnlyList<Dim>? shape)
    {
        var tensorType = new TypeProto.Types.Tensor { ElemType = (int)type };
        if (shape is not null)
        {
            var proto = new TensorShapeProto();
            foreach (var dim in shape)
            {
                var d = new TensorShapeProto.Types.Dimension();
                if (dim.Size is { } size)
                {
                    d.DimValue = size;
                }
                else if (dim.Symbol is { } symbol)
                {
                    d.DimParam = symbol;
                }
                proto.Dim.Add(d);
            }
            tensorType.Shape = proto;
        }
        return new ValueInfoProto { Name = name, Type = new TypeProto { TensorType = tensorType } };
    }
}
