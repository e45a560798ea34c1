namespace Edge.Torch.Serialization;

/// <summary>What <see cref="StateFile.Read"/> returns: the tensors by name (in file order) and the metadata. Owns the tensors.</summary>
public sealed class StateFileContents : IDisposable
{
    private readonly Dictionary<string, Tensor> tensors;

    internal StateFileContents(IReadOnlyList<string> names, Dictionary<string, Tensor> tensors, IReadOnlyDictionary<string, string> metadata)
    {
        Names = names;
        this.tensors = tensors;
        Metadata = metadata;
    }

    /// <summary>Tensor names in the order the file stores them.</summary>
    public IReadOnlyList<string> Names { get; }

    public IReadOnlyDictionary<string, Tensor> Tensors => tensors;

    public IReadOnlyDictionary<string, string> Metadata { get; }

    /// <summary>The tensors whose names start with <paramref name="prefix"/>, with the prefix removed.</summary>
    public IReadOnlyDictionary<string, Tensor> WithPrefix(string prefix) =>
        tensors.Where(p => p.Key.StartsWith(prefix, StringComparison.Ordinal)).ToDictionary(p => p.Key[prefix.Length..], p => p.Value, StringComparer.Ordinal);

    public void Dispose()
    {
        foreach (var tensor in tensors.Values)
        {
            tensor.Dispose();
        }
    }
}
