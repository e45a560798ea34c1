namespace Edge.Inference.Interop;

internal static partial class Interop
{
    /// <summary>The native libraries Edge.Inference binds itself (ONNX Runtime is bound by its own package).</summary>
    internal static class Libraries
    {
        // The runtime maps "libc" to the C library the process already runs on (libc.so.6 with glibc).
        internal const string Libc = "libc";
    }
}
