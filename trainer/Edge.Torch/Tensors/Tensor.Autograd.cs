using Edge.Torch.Native;

namespace Edge.Torch;

public sealed partial class Tensor
{
    /// <summary>Whether autograd records operations on this tensor (settable on leaves).</summary>
    public bool RequiresGrad
    {
        get => Interop.Shim.edge_tensor_requires_grad(Handle) != 0;
        set => NativeResult.Check(Interop.Shim.edge_tensor_set_requires_grad(Handle, value ? 1 : 0));
    }

    /// <summary>Whether this tensor was created by the user rather than by a recorded operation.</summary>
    public bool IsLeaf => Interop.Shim.edge_tensor_is_leaf(Handle) != 0;

    /// <summary>
    /// The gradient accumulated by <see cref="Backward"/>, or null. Each read returns a new handle on the
    /// same gradient (dispose it, or let the dispose scope do so).
    /// </summary>
    public Tensor? Grad
    {
        get
        {
            NativeResult.Check(Interop.Shim.edge_tensor_grad(Handle, out var pointer));
            return NativeResult.OptionalTensor(pointer);
        }
    }

    /// <summary>Whether a gradient has been accumulated (cheaper than reading <see cref="Grad"/>).</summary>
    public bool HasGrad => Interop.Shim.edge_tensor_has_grad(Handle) != 0;

    /// <summary>Sets this tensor's requires-grad flag and returns it.</summary>
    public Tensor WithRequiresGrad(bool requiresGrad = true)
    {
        RequiresGrad = requiresGrad;
        return this;
    }

    public void SetGrad(Tensor? gradient) => NativeResult.Check(Interop.Shim.edge_tensor_set_grad(Handle, HandleOrNull(gradient)));

    /// <summary>Drops the gradient (<paramref name="setToNone"/>) or zeroes it in place.</summary>
    public void ZeroGrad(bool setToNone = true) => NativeResult.Check(Interop.Shim.edge_tensor_zero_grad(Handle, setToNone ? 1 : 0));

    /// <summary>Keeps the gradient of a non-leaf tensor after backward.</summary>
    public void RetainGrad() => NativeResult.Check(Interop.Shim.edge_tensor_retain_grad(Handle));

    /// <summary>Accumulates gradients of this tensor (a scalar, unless <paramref name="gradient"/> is given) into the leaves.</summary>
    public void Backward(Tensor? gradient = null, bool retainGraph = false, bool createGraph = false) =>
        NativeResult.Check(Interop.Shim.edge_tensor_backward(Handle, HandleOrNull(gradient), retainGraph ? 1 : 0, createGraph ? 1 : 0));

    /// <summary>The same data, cut from the autograd graph.</summary>
    public Tensor Detach() => NativeResult.Tensor(Interop.Shim.edge_tensor_detach(Handle));
}
