namespace Edge.Agent.Interop;

using System.Runtime.InteropServices;

internal static partial class Interop
{
    internal static partial class Libc
    {
        internal const int PROT_READ = 0x1;
        internal const int PROT_WRITE = 0x2;
        internal const int MAP_SHARED = 0x01;

        /// <summary>What mmap returns on failure, (void*)-1.</summary>
        internal static readonly nint MAP_FAILED = -1;

        // off_t is 64 bits on the 64-bit targets.
        [LibraryImport(Libraries.Libc, EntryPoint = "mmap", SetLastError = true)]
        internal static partial nint Mmap(nint address, nuint length, int protection, int flags, SafeFileDescriptor fd, long offset);

        [LibraryImport(Libraries.Libc, EntryPoint = "munmap", SetLastError = true)]
        internal static partial int Munmap(nint address, nuint length);
    }
}
