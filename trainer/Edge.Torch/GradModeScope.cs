namespace Edge.Torch;

/// <summary>Sets this thread's autograd mode until disposed, then restores the previous one (see <see cref="LibTorch.NoGrad"/>).</summary>
public sealed class GradModeScope : IDisposable
{
    private readonly bool previous;
    private bool disposed;

    internal GradModeScope(bool enabled)
    {
        previous = Interop.Shim.edge_grad_mode_set(enabled ? 1 : 0) != 0;
    }

    public void Dispose()
    {
        if (!disposed)
        {
            disposed = true;
            Interop.Shim.edge_grad_mode_set(previous ? 1 : 0);
        }
    }
}
