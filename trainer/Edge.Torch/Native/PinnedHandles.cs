namespace Edge.Torch.Native;

/// <summary>
/// The raw pointers of several tensors, for shim calls that take a list. Each handle is add-ref'd
/// for as long as this object lives, so no tensor can be released while native code reads the list.
/// </summary>
internal sealed class PinnedHandles : IDisposable
{
    private readonly TensorHandle[] handles;
    private readonly bool[] added;

    public PinnedHandles(IReadOnlyList<Tensor> tensors)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        handles = new TensorHandle[tensors.Count];
        added = new bool[tensors.Count];
        Pointers = new nint[tensors.Count];
        try
        {
            for (var i = 0; i < tensors.Count; i++)
            {
                var tensor = tensors[i] ?? throw new ArgumentException($"tensor {i} of the list is null", nameof(tensors));
                handles[i] = tensor.Handle;
                handles[i].DangerousAddRef(ref added[i]);
                Pointers[i] = handles[i].DangerousGetHandle();
            }
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public nint[] Pointers { get; }

    public int Count => Pointers.Length;

    public void Dispose()
    {
        for (var i = 0; i < handles.Length; i++)
        {
            if (added[i])
            {
                handles[i].DangerousRelease();
                added[i] = false;
            }
        }
    }
}
