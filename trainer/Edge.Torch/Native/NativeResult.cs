using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Edge.Torch.Native;

/// <summary>The one place where shim results are checked and failures become <see cref="TorchException"/>s.</summary>
internal static class NativeResult
{
    /// <summary>Wraps a returned tensor, or throws with libtorch's message when the shim returned null.</summary>
    public static Tensor Tensor(TensorHandle handle, [CallerMemberName] string operation = "")
    {
        if (handle.IsInvalid)
        {
            handle.Dispose();
            throw LastError(operation);
        }
        return new Tensor(handle);
    }

    /// <summary>Wraps a raw tensor pointer an out-parameter returned (zero means none).</summary>
    public static Tensor? OptionalTensor(nint pointer) => pointer == 0 ? null : new Tensor(new TensorHandle(pointer));

    public static void Check(int status, [CallerMemberName] string operation = "")
    {
        if (status != 0)
        {
            throw LastError(operation);
        }
    }

    public static long CheckCount(long count, [CallerMemberName] string operation = "")
    {
        if (count < 0)
        {
            throw LastError(operation);
        }
        return count;
    }

    /// <summary>Takes (and frees) the shim's thread-local message for the call that just failed.</summary>
    public static TorchException LastError(string operation)
    {
        var pointer = Interop.Shim.edge_error_take();
        if (pointer == 0)
        {
            return new TorchException(operation, "the libtorch shim reported a failure without a message");
        }
        try
        {
            return new TorchException(operation, Marshal.PtrToStringUTF8(pointer) ?? string.Empty);
        }
        finally
        {
            Interop.Shim.edge_free(pointer);
        }
    }
}
