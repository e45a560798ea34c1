namespace Edge.Onnx.Building;

/// <summary>A named value in a graph under construction: an input, an initializer or a node output.</summary>
public readonly record struct Value(string Name)
{
    public override string ToString() => Name;
}
