namespace Edge.Agent.Interop;

using System.Runtime.InteropServices;

internal static partial class Interop
{
    internal static partial class Libc
    {
        internal const int CLOCK_MONOTONIC = 1;

        /// <summary>struct timespec on 64-bit Linux.</summary>
        [StructLayout(LayoutKind.Explicit, Size = 16)]
#pragma warning disable CS8981 // The C name, on purpose.
        internal struct timespec
#pragma warning restore CS8981
        {
            [FieldOffset(0)] public long tv_sec;
            [FieldOffset(8)] public long tv_nsec;
        }

        [LibraryImport(Libraries.Libc, EntryPoint = "clock_gettime", SetLastError = true)]
        internal static partial int ClockGettime(int clock, out timespec time);
    }
}
