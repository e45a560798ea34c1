namespace Edge.Onnx;

/// <summary>A graph input or output as a model declares it: name, element type and shape (null shape: unknown rank).</summary>
public sealed record TensorInfo(string Name, ElementType ElementType, IReadOnlyList<Dim>? Shape)
{
    public override string ToString() =>
        $"{Name}: {ElementType}[{(Shape is null ? "?" : string.Join(", ", Shape))}]";
}
