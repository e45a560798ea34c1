using System.Runtime.InteropServices;

namespace Edge.Torch;

internal static partial class Interop
{
    internal static partial class Shim
    {
        /// <summary>A malloc'd copy of this thread's last error (null if none); release it with <see cref="edge_free"/>.</summary>
        [LibraryImport(Library)]
        internal static partial nint edge_error_take();

        [LibraryImport(Library)]
        internal static partial void edge_free(nint memory);
    }
}
