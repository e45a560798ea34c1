namespace Edge.Agent.Interop;

using System.Runtime.InteropServices;

internal static partial class Interop
{
    internal static partial class Libc
    {
        // int ioctl(int fd, unsigned long request, ...): the one variadic argument is a pointer, which the
        // x86-64 and arm64 Linux calling conventions pass exactly like a fixed pointer argument.
        [LibraryImport(Libraries.Libc, EntryPoint = "ioctl", SetLastError = true)]
        internal static unsafe partial int Ioctl(SafeFileDescriptor fd, nuint request, void* argument);
    }
}
