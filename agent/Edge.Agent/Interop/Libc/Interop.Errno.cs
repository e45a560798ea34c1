namespace Edge.Agent.Interop;

internal static partial class Interop
{
    internal static partial class Libc
    {
        /// <summary>The errno values the camera code reacts to (same numbers on x86-64 and arm64 Linux).</summary>
        internal static class Errno
        {
            internal const int EINTR = 4;
            internal const int EAGAIN = 11;
            internal const int EINVAL = 22;
        }
    }
}
