using Edge.Torch.Native;

namespace Edge.Torch;

/// <summary>
/// Mixed precision on this thread until disposed (torch.autocast): eligible operations on the device
/// run in the lower precision, the rest in float32. See <see cref="LibTorch.Autocast"/>.
/// </summary>
public sealed class AutocastScope : IDisposable
{
    private readonly int deviceType;
    private readonly int previousEnabled;
    private readonly int previousPrecision;
    private bool disposed;

    /// <exception cref="TorchException">The device or precision is not supported (e.g. float16 on CPU, CUDA without a CUDA libtorch).</exception>
    internal AutocastScope(Device device, ScalarType precision)
    {
        deviceType = (int)device.Type;
        Device = device;
        Precision = precision;
        NativeResult.Check(Interop.Shim.edge_autocast_enter(deviceType, (int)precision, out previousEnabled, out previousPrecision), "Autocast");
    }

    public Device Device { get; }

    public ScalarType Precision { get; }

    public void Dispose()
    {
        if (!disposed)
        {
            disposed = true;
            NativeResult.Check(Interop.Shim.edge_autocast_exit(deviceType, previousEnabled, previousPrecision), "Autocast");
        }
    }
}
