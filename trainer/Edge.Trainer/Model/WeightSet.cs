namespace Edge.Trainer.Model;

/// <summary>
/// Named float tensors in PyTorch's layouts (conv weight [out, in, kh, kw], linear weight [out, in]):
/// the hand-off from the training model to the ONNX exporter.
/// </summary>
public sealed class WeightSet
{
    private readonly Dictionary<string, (float[] Data, long[] Shape)> _tensors = new(StringComparer.Ordinal);

    public IEnumerable<string> Names => _tensors.Keys;

    public void Add(string name, float[] data, params long[] shape)
    {
        if (shape.Aggregate(1L, (a, b) => a * b) != data.Length)
        {
            throw new ArgumentException($"Weight '{name}' has {data.Length} values but shape [{string.Join(", ", shape)}].");
        }
        _tensors[name] = (data, shape);
    }

    public (float[] Data, long[] Shape) this[string name] => _tensors.TryGetValue(name, out var tensor)
        ? tensor
        : throw new KeyNotFoundException($"The model has no weight '{name}'.");

    /// <summary>Throws unless weight <paramref name="name"/> exists with exactly <paramref name="shape"/>.</summary>
    public (float[] Data, long[] Shape) Expect(string name, params long[] shape)
    {
        var tensor = this[name];
        if (!tensor.Shape.SequenceEqual(shape))
        {
            throw new ArgumentException(
                $"Weight '{name}' has shape [{string.Join(", ", tensor.Shape)}]; the configuration needs [{string.Join(", ", shape)}].");
        }
        return tensor;
    }
}
