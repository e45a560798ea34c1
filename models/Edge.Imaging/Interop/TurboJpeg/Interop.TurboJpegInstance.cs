using System.Runtime.InteropServices;
using Edge.Imaging.Jpeg;

namespace Edge.Imaging;

internal static partial class Interop
{
    internal static partial class TurboJpeg
    {
        [LibraryImport(NativeLibraries.TurboJpeg)]
        public static partial TurboJpegHandle tjInitDecompress();

        [LibraryImport(NativeLibraries.TurboJpeg)]
        public static partial TurboJpegHandle tjInitCompress();

        [LibraryImport(NativeLibraries.TurboJpeg)]
        public static partial int tjDestroy(IntPtr handle);

        /// <summary>Message of the last failure on <paramref name="handle"/>, or of a global function when null; owned by the library.</summary>
        [LibraryImport(NativeLibraries.TurboJpeg)]
        public static partial IntPtr tjGetErrorStr2(TurboJpegHandle handle);

        [LibraryImport(NativeLibraries.TurboJpeg, EntryPoint = "tjGetErrorStr2")]
        public static partial IntPtr tjGetGlobalErrorStr(IntPtr mustBeNull);

        [LibraryImport(NativeLibraries.TurboJpeg)]
        public static partial int tjGetErrorCode(TurboJpegHandle handle);

        [LibraryImport(NativeLibraries.TurboJpeg)]
        public static partial void tjFree(IntPtr buffer);
    }
}
