namespace Edge.Agent.Interop;

using System.Runtime.InteropServices;

internal static partial class Interop
{
    internal static partial class Libc
    {
        // <fcntl.h> flags, generic Linux values (x86-64, arm64).
        internal const int O_RDWR = 0x2;
        internal const int O_NONBLOCK = 0x800;
        internal const int O_CLOEXEC = 0x80000;

        /// <summary>Opens <paramref name="path"/>; the handle is invalid on failure, with errno left for <see cref="Marshal.GetLastPInvokeError"/>.</summary>
        internal static SafeFileDescriptor Open(string path, int flags) => new(OpenCore(path, flags));

        // open returns a 32-bit int: it must not be marshalled as a pointer-sized SafeHandle, whose upper
        // half would be garbage (and -1 would not read as invalid).
        [LibraryImport(Libraries.Libc, EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
        private static partial int OpenCore(string path, int flags);
    }
}
