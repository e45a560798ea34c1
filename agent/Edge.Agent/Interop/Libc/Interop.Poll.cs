namespace Edge.Agent.Interop;

using System.Runtime.InteropServices;

internal static partial class Interop
{
    internal static partial class Libc
    {
        internal const short POLLIN = 0x001;
        internal const short POLLERR = 0x008;
        internal const short POLLHUP = 0x010;
        internal const short POLLNVAL = 0x020;

        /// <summary>struct pollfd from &lt;poll.h&gt;.</summary>
        [StructLayout(LayoutKind.Explicit, Size = 8)]
#pragma warning disable CS8981 // The C name, on purpose.
        internal struct pollfd
#pragma warning restore CS8981
        {
            [FieldOffset(0)] public int fd;
            [FieldOffset(4)] public short events;
            [FieldOffset(6)] public short revents;
        }

        [LibraryImport(Libraries.Libc, EntryPoint = "poll", SetLastError = true)]
        internal static unsafe partial int Poll(pollfd* fds, nuint count, int timeoutMilliseconds);
    }
}
