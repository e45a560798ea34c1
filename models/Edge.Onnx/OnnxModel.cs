using Google.Protobuf;
using Onnx;

namespace Edge.Onnx;

/// <summary>
/// An ONNX model in memory: saved to and loaded from files, and inspected (inputs, outputs, opset, metadata).
/// Wraps the generated <see cref="ModelProto"/>, which <see cref="Proto"/> exposes for anything not covered here.
/// </summary>
public sealed class OnnxModel
{
    public OnnxModel(ModelProto proto)
    {
        ArgumentNullException.ThrowIfNull(proto);
        Proto = proto;
    }

    public ModelProto Proto { get; }

    public long IrVersion => Proto.IrVersion;

    /// <summary>The default-domain ("ai.onnx") opset the model imports.</summary>
    public long Opset => Proto.OpsetImport.FirstOrDefault(o => o.Domain is "" or "ai.onnx")?.Version ?? 0;

    public string ProducerName => Proto.ProducerName;

    public string ProducerVersion => Proto.ProducerVersion;

    public long ModelVersion => Proto.ModelVersion;

    public string DocString => Proto.DocString;

    public IReadOnlyDictionary<string, string> Metadata =>
        Proto.MetadataProps.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

    public IReadOnlyList<string> InitializerNames => Proto.Graph.Initializer.Select(i => i.Name).ToList();

    /// <summary>The graph's real inputs (initializers that older exporters also list as inputs are left out).</summary>
    public IReadOnlyList<TensorInfo> Inputs
    {
        get
        {
            var initializers = Proto.Graph.Initializer.Select(i => i.Name).ToHashSet(StringComparer.Ordinal);
            return Proto.Graph.Input.Where(i => !initializers.Contains(i.Name)).Select(Describe).ToList();
        }
    }

    public IReadOnlyList<TensorInfo> Outputs => Proto.Graph.Output.Select(Describe).ToList();

    /// <summary>The values of a float initializer, for tests and tools.</summary>
    public float[] InitializerFloats(string name)
    {
        var tensor = Proto.Graph.Initializer.FirstOrDefault(i => i.Name == name)
            ?? throw new KeyNotFoundException($"The model has no initializer '{name}'.");
        if (tensor.DataType != (int)ElementType.Float)
        {
            throw new InvalidOperationException($"Initializer '{name}' is {(ElementType)tensor.DataType}, not Float.");
        }
        return tensor.RawData.Length > 0
            ? System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(tensor.RawData.Span).ToArray()
            : tensor.FloatData.ToArray();
    }

    public byte[] ToByteArray() => Proto.ToByteArray();

    /// <summary>Writes the model to <paramref name="path"/> through a temporary file, so a reader never sees half a model.</summary>
    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var temporary = path + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            Proto.WriteTo(stream);
            stream.Flush(flushToDisk: true);
        }
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Loads a model file; anything that is not an ONNX model gives an <see cref="OnnxFormatException"/> naming the file.</summary>
    public static OnnxModel Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OnnxFormatException($"Cannot read ONNX model '{path}': {e.Message}", e);
        }
        return Parse(bytes, path);
    }

    /// <summary>Parses a model from bytes; <paramref name="source"/> names them in errors.</summary>
    public static OnnxModel Parse(ReadOnlySpan<byte> bytes, string source = "(bytes)")
    {
        if (bytes.IsEmpty)
        {
            throw new OnnxFormatException($"'{source}' is not an ONNX model: it is empty.");
        }
        ModelProto proto;
        try
        {
            proto = ModelProto.Parser.ParseFrom(bytes);
        }
        catch (InvalidProtocolBufferException e)
        {
            throw new OnnxFormatException($"'{source}' is not an ONNX model: {e.Message}", e);
        }
        // Protocol buffers accept many byte strings as "a message with unknown fields"; a model must have these.
        var problem = proto switch
        {
            { IrVersion: <= 0 } => "it has no IR version",
            { Graph: null } => "it has no graph",
            { OpsetImport.Count: 0 } => "it imports no operator set",
            _ when proto.Graph.Output.Count == 0 => "its graph has no outputs",
            _ => null,
        };
        if (problem is not null)
        {
            throw new OnnxFormatException($"'{source}' is not an ONNX model: {problem}.");
        }
        return new OnnxModel(proto);
    }

    private static TensorInfo Describe(ValueInfoProto info)
    {
        var tensor = info.Type?.TensorType;
        if (tensor is null)
        {
            return new TensorInfo(info.Name, ElementType.Undefined, null);
        }
        IReadOnlyList<Dim>? shape = tensor.Shape?.Dim.Select(d => d.ValueCase switch
        {
            TensorShapeProto.Types.Dimension.ValueOneofCase.DimValue => Dim.Fixed(d.DimValue),
            TensorShapeProto.Types.Dimension.ValueOneofCase.DimParam => Dim.Symbolic(d.DimParam),
            _ => Dim.Unknown,
        }).ToList();
        return new TensorInfo(info.Name, (ElementType)tensor.ElemType, shape);
    }
}
