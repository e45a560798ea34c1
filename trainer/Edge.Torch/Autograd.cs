using Edge.Torch.Native;

namespace Edge.Torch;

/// <summary>Gradients computed on demand (torch.autograd).</summary>
public static class Autograd
{
    /// <summary>
    /// torch.autograd.grad: the gradients of <paramref name="outputs"/> (seeded with <paramref name="gradOutputs"/>,
    /// or ones for scalars) with respect to <paramref name="inputs"/>, without touching their .Grad.
    /// An input the outputs do not depend on gives null when <paramref name="allowUnused"/> is set.
    /// </summary>
    public static unsafe Tensor?[] Grad(IReadOnlyList<Tensor> outputs, IReadOnlyList<Tensor> inputs, IReadOnlyList<Tensor>? gradOutputs = null,
        bool retainGraph = false, bool createGraph = false, bool allowUnused = false)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        ArgumentNullException.ThrowIfNull(inputs);
        if (gradOutputs != null && gradOutputs.Count != outputs.Count)
        {
            throw new ArgumentException($"{gradOutputs.Count} output gradients for {outputs.Count} outputs", nameof(gradOutputs));
        }
        using var pinnedOutputs = new PinnedHandles(outputs);
        using var pinnedInputs = new PinnedHandles(inputs);
        using var pinnedSeeds = new PinnedHandles(gradOutputs ?? []);
        var results = new nint[inputs.Count];
        fixed (nint* o = pinnedOutputs.Pointers)
        fixed (nint* i = pinnedInputs.Pointers)
        fixed (nint* s = pinnedSeeds.Pointers)
        fixed (nint* r = results)
        {
            NativeResult.Check(Interop.Shim.edge_autograd_grad(o, outputs.Count, i, inputs.Count, gradOutputs == null ? null : s,
                retainGraph ? 1 : 0, createGraph ? 1 : 0, allowUnused ? 1 : 0, r));
        }
        return Array.ConvertAll(results, NativeResult.OptionalTensor);
    }
}
