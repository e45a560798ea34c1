namespace Edge.Torch;

/// <summary>
/// A libtorch call failed (bad shapes or dtypes, an unavailable device, out of memory, ...).
/// <see cref="NativeMessage"/> is libtorch's own text; the process and other tensors are unaffected.
/// </summary>
public sealed class TorchException : Exception
{
    public TorchException()
        : this("libtorch", "unknown error")
    {
    }

    public TorchException(string message)
        : this("libtorch", message)
    {
    }

    public TorchException(string message, Exception innerException)
        : base(message, innerException)
    {
        Operation = "libtorch";
        NativeMessage = message;
    }

    public TorchException(string operation, string nativeMessage)
        : base($"{operation} failed: {nativeMessage}")
    {
        Operation = operation;
        NativeMessage = nativeMessage;
    }

    /// <summary>The Edge.Torch member that made the failing call.</summary>
    public string Operation { get; }

    /// <summary>The message libtorch (or the shim's own check) gave.</summary>
    public string NativeMessage { get; }
}
