using System.Runtime.InteropServices;

namespace Edge.Agent.Interop;

/// <summary>
/// An open file descriptor, closed exactly once when released. Passed to native calls whose parameter
/// is a C <c>int</c>: on x86-64 and arm64 the callee reads the low 32 bits of the register, which hold it.
/// </summary>
internal sealed class SafeFileDescriptor : SafeHandle
{
    public SafeFileDescriptor(int fd)
        : base(invalidHandleValue: -1, ownsHandle: true)
    {
        SetHandle(fd);
    }

    public override bool IsInvalid => handle < 0;

    protected override bool ReleaseHandle() => Interop.Libc.Close((int)handle) == 0;
}
