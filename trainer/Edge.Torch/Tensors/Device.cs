using Edge.Torch.Native;

namespace Edge.Torch;

/// <summary>Where a tensor lives: <c>cpu</c> or <c>cuda:N</c>. <see cref="Index"/> is -1 for "the current one".</summary>
public readonly record struct Device(DeviceType Type, int Index = -1)
{
    public static Device Cpu { get; } = new(DeviceType.Cpu);

    public static Device Cuda(int index = 0) => new(DeviceType.Cuda, index);

    public bool IsCuda => Type == DeviceType.Cuda;

    /// <summary>
    /// Parses "cpu", "cuda" or "cuda:1" with libtorch's own parser and checks that the device exists
    /// (a CUDA device needs a CUDA build of libtorch and a GPU with that index).
    /// </summary>
    /// <exception cref="TorchException">The text is not a device, or the device is not available.</exception>
    public static Device Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        NativeResult.Check(Interop.Shim.edge_device_parse(text, out var type, out var index));
        return new Device((DeviceType)type, index);
    }

    public override string ToString()
    {
        var name = Type == DeviceType.Cuda ? "cuda" : "cpu";
        return Index < 0 ? name : $"{name}:{Index}";
    }
}
