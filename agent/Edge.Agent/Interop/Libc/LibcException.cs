using System.Runtime.InteropServices;

namespace Edge.Agent.Interop;

/// <summary>A C library call failed; the message carries the system's own text for <see cref="Errno"/>.</summary>
public sealed class LibcException : IOException
{
    public LibcException()
    {
    }

    public LibcException(string message)
        : base(message)
    {
    }

    public LibcException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <param name="call">What failed, e.g. <c>open</c> or <c>VIDIOC_S_FMT</c>.</param>
    /// <param name="target">What it was applied to, e.g. <c>/dev/video0</c>.</param>
    /// <param name="errno">The errno the call left.</param>
    public LibcException(string call, string target, int errno)
        : base($"{call} on {target} failed: {Marshal.GetPInvokeErrorMessage(errno)} (errno {errno})")
    {
        Call = call;
        Target = target;
        Errno = errno;
    }

    /// <summary>The errno value (e.g. 2 for ENOENT).</summary>
    public int Errno { get; }

    public string? Call { get; }

    public string? Target { get; }
}
