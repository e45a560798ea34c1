using System.Runtime.InteropServices;
using Edge.Torch.Native;

namespace Edge.Torch;

/// <summary>Process-wide libtorch settings and the operations that take several tensors.</summary>
public static class Torch
{
    /// <summary>libtorch's version, e.g. "1.13.0".</summary>
    public static string Version => Marshal.PtrToStringUTF8(Interop.Shim.edge_torch_version()) ?? "unknown";

    public static bool CudaIsAvailable => Interop.Shim.edge_cuda_is_available() != 0;

    public static int CudaDeviceCount => Interop.Shim.edge_cuda_device_count();

    /// <summary>Threads libtorch uses inside one operation.</summary>
    public static int NumThreads
    {
        get => Interop.Shim.edge_get_num_threads();
        set => NativeResult.Check(Interop.Shim.edge_set_num_threads(value));
    }

    /// <summary>Seeds libtorch's generators (CPU and, where present, CUDA): same seed, same random draws.</summary>
    public static void ManualSeed(ulong seed) => NativeResult.Check(Interop.Shim.edge_manual_seed(seed));

    /// <summary>The CPU generator's state (a uint8 tensor), to save in checkpoints.</summary>
    public static Tensor GetRngState() => NativeResult.Tensor(Interop.Shim.edge_rng_state_get());

    public static void SetRngState(Tensor state)
    {
        ArgumentNullException.ThrowIfNull(state);
        NativeResult.Check(Interop.Shim.edge_rng_state_set(state.Handle));
    }

    /// <summary>Whether autograd records operations on this thread.</summary>
    public static bool IsGradEnabled => Interop.Shim.edge_grad_mode_is_enabled() != 0;

    /// <summary>Turns autograd off on this thread until the returned scope is disposed.</summary>
    public static GradModeScope NoGrad() => new(enabled: false);

    /// <summary>Turns autograd on (inside a <see cref="NoGrad"/> region) until the returned scope is disposed.</summary>
    public static GradModeScope EnableGrad() => new(enabled: true);

    /// <summary>Opens a <see cref="DisposeScope"/> on this thread.</summary>
    public static DisposeScope NewDisposeScope() => DisposeScope.Open();

    /// <summary>
    /// Runs eligible operations (matmul, convolution, linear) in <paramref name="precision"/> on this
    /// thread until disposed. CUDA takes float16 or bfloat16; CPU takes bfloat16 only.
    /// </summary>
    public static AutocastScope Autocast(Device device, ScalarType precision) => new(device, precision);

    /// <summary>Joins tensors along an existing dimension.</summary>
    public static unsafe Tensor Cat(IReadOnlyList<Tensor> tensors, long dim = 0)
    {
        using var pinned = new PinnedHandles(tensors);
        fixed (nint* p = pinned.Pointers)
        {
            return NativeResult.Tensor(Interop.Shim.edge_cat(p, pinned.Count, dim));
        }
    }

    /// <summary>Joins same-shaped tensors along a new dimension.</summary>
    public static unsafe Tensor Stack(IReadOnlyList<Tensor> tensors, long dim = 0)
    {
        using var pinned = new PinnedHandles(tensors);
        fixed (nint* p = pinned.Pointers)
        {
            return NativeResult.Tensor(Interop.Shim.edge_stack(p, pinned.Count, dim));
        }
    }

    /// <summary>Elements of <paramref name="whenTrue"/> where the condition holds, of <paramref name="whenFalse"/> elsewhere.</summary>
    public static Tensor Where(Tensor condition, Tensor whenTrue, Tensor whenFalse)
    {
        ArgumentNullException.ThrowIfNull(condition);
        ArgumentNullException.ThrowIfNull(whenTrue);
        ArgumentNullException.ThrowIfNull(whenFalse);
        return NativeResult.Tensor(Interop.Shim.edge_where(condition.Handle, whenTrue.Handle, whenFalse.Handle));
    }

    /// <summary>Einstein summation, e.g. <c>Einsum("bij,bjk-&gt;bik", a, b)</c>.</summary>
    public static unsafe Tensor Einsum(string equation, params Tensor[] tensors)
    {
        ArgumentNullException.ThrowIfNull(equation);
        using var pinned = new PinnedHandles(tensors);
        fixed (nint* p = pinned.Pointers)
        {
            return NativeResult.Tensor(Interop.Shim.edge_einsum(equation, p, pinned.Count));
        }
    }

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
