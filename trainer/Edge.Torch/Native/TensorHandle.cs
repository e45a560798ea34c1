using System.Runtime.InteropServices;

namespace Edge.Torch.Native;

/// <summary>Owns one <c>at::Tensor*</c> handed out by the shim; releasing it frees the handle (libtorch frees the storage once nothing else refers to it).</summary>
internal sealed class TensorHandle : SafeHandle
{
    /// <summary>Stands for "no tensor" (a C null pointer) where an argument is optional. Never disposed.</summary>
    internal static readonly TensorHandle Null = new();

    public TensorHandle()
        : base(0, ownsHandle: true)
    {
    }

    internal TensorHandle(nint pointer)
        : this()
    {
        SetHandle(pointer);
    }

    public override bool IsInvalid => handle == 0;

    protected override bool ReleaseHandle()
    {
        Interop.Shim.edge_tensor_free(handle);
        return true;
    }
}
