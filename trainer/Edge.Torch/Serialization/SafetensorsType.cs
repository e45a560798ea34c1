namespace Edge.Torch.Serialization;

/// <summary>The dtype names of the safetensors header and the scalar types they stand for.</summary>
internal static class SafetensorsType
{
    private static readonly Dictionary<ScalarType, string> Names = new()
    {
        [ScalarType.Bool] = "BOOL",
        [ScalarType.Byte] = "U8",
        [ScalarType.Int8] = "I8",
        [ScalarType.Int16] = "I16",
        [ScalarType.Int32] = "I32",
        [ScalarType.Int64] = "I64",
        [ScalarType.Float16] = "F16",
        [ScalarType.BFloat16] = "BF16",
        [ScalarType.Float32] = "F32",
        [ScalarType.Float64] = "F64",
    };

    private static readonly Dictionary<string, ScalarType> Types = Names.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

    public static string NameOf(ScalarType type) =>
        Names.TryGetValue(type, out var name) ? name : throw new NotSupportedException($"{type} tensors cannot be stored");

    public static ScalarType Parse(string name, string tensor) =>
        Types.TryGetValue(name, out var type) ? type : throw new InvalidDataException($"tensor '{tensor}' has unsupported dtype '{name}'");
}
