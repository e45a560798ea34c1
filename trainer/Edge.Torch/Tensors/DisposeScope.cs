namespace Edge.Torch;

/// <summary>
/// Disposes, at its end, every tensor created on this thread while it was the innermost scope, except
/// those moved out with <see cref="MoveToOuter"/> or <see cref="Tensor.DetachFromDisposeScope"/>.
/// Training loops open one per step so temporaries (activations, gradients read back, losses) are
/// released deterministically instead of waiting for the garbage collector.
/// Scopes nest and belong to the thread that opened them; dispose them in reverse order of creation.
/// </summary>
public sealed class DisposeScope : IDisposable
{
    [ThreadStatic]
    private static DisposeScope? current;

    private readonly HashSet<Tensor> tensors = new(ReferenceEqualityComparer.Instance);
    private readonly int threadId = Environment.CurrentManagedThreadId;
    private bool disposed;

    private DisposeScope(DisposeScope? outer)
    {
        Outer = outer;
    }

    /// <summary>The innermost open scope on this thread, if any.</summary>
    public static DisposeScope? Current
    {
        get
        {
            // A scope disposed out of order must not keep collecting tensors.
            while (current is { disposed: true })
            {
                current = current.Outer;
            }
            return current;
        }
    }

    /// <summary>The scope that was current when this one opened.</summary>
    public DisposeScope? Outer { get; }

    /// <summary>How many live tensors this scope will dispose.</summary>
    public int Count => tensors.Count;

    /// <summary>Opens a scope that becomes the current one on this thread.</summary>
    public static DisposeScope Open()
    {
        var scope = new DisposeScope(Current);
        current = scope;
        return scope;
    }

    /// <summary>Moves the tensor to the enclosing scope (or out of every scope) so it survives this one.</summary>
    public Tensor MoveToOuter(Tensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        if (tensor.Scope != this)
        {
            throw new InvalidOperationException("the tensor does not belong to this dispose scope");
        }
        tensors.Remove(tensor);
        tensor.Scope = null;
        Outer?.Track(tensor);
        return tensor;
    }

    public void Dispose()
    {
        if (disposed)
        {
            return;
        }
        if (Environment.CurrentManagedThreadId != threadId)
        {
            throw new InvalidOperationException("a dispose scope must be disposed on the thread that opened it");
        }
        disposed = true;
        foreach (var tensor in tensors)
        {
            tensor.Scope = null;
            tensor.Dispose();
        }
        tensors.Clear();
        if (current == this)
        {
            current = Outer;
        }
    }

    internal void Track(Tensor tensor)
    {
        tensors.Add(tensor);
        tensor.Scope = this;
    }

    internal void Forget(Tensor tensor)
    {
        tensors.Remove(tensor);
        tensor.Scope = null;
    }
}
