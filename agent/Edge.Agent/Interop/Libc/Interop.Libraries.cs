namespace Edge.Agent.Interop;

internal static partial class Interop
{
    /// <summary>Every native library name the agent binds, in one place.</summary>
    internal static class Libraries
    {
        // The runtime maps "libc" to the C library the process already runs on (libc.so.6 with glibc).
        internal const string Libc = "libc";
    }
}
