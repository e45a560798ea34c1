using Edge.Onnx;

namespace Edge.Inference.Sessions;

/// <summary>A session input or output: name, element type, and shape (-1 where the model leaves a dimension symbolic).</summary>
public sealed record TensorDescription(string Name, ElementType ElementType, IReadOnlyList<long> Shape, IReadOnlyList<string?> Symbols)
{
    /// <summary>The shape with every symbolic dimension set to <paramref name="value"/>.</summary>
    public long[] Resolve(long value) => Shape.Select(d => d < 0 ? value : d).ToArray();

    public override string ToString() =>
        $"{Name}: {ElementType}[{string.Join(", ", Shape.Select((d, i) => d < 0 ? Symbols[i] ?? "?" : d.ToString(System.Globalization.CultureInfo.InvariantCulture)))}]";
}
