using System.Runtime.InteropServices;
using Edge.Torch.Native;

namespace Edge.Torch;

/// <summary>libtorch's process-wide settings (threads, seeds, CUDA) and the per-thread scopes (grad mode, autocast, disposal).</summary>
public static class LibTorch
{
    /// <summary>libtorch's version, e.g. "1.13.0".</summary>
    public static string Version => Marshal.PtrToStringUTF8(Interop.Shim.edge_torch_version()) ?? "unknown";

    public static bool CudaIsAvailable => Interop.Shim.edge_cuda_is_available() != 0;

    public static int CudaDeviceCount => Interop.Shim.edge_cuda_device_count();

    /// <summary>cuda:0 when libtorch has CUDA and a GPU, otherwise cpu.</summary>
    public static Device DefaultDevice => CudaIsAvailable ? Device.Cuda(0) : Device.Cpu;

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
}
