using System.Runtime.InteropServices;
using Edge.Imaging.Jpeg;

namespace Edge.Imaging;

internal static partial class Interop
{
    internal static partial class TurboJpeg
    {
        /// <summary>With *jpegBuf null the library allocates the output; the caller frees it with tjFree, even after a failure.</summary>
        [LibraryImport(NativeLibraries.TurboJpeg)]
        public static unsafe partial int tjCompress2(
            TurboJpegHandle handle, byte* srcBuf, int width, int pitch, int height, int pixelFormat,
            IntPtr* jpegBuf, CULong* jpegSize, int jpegSubsamp, int jpegQual, int flags);
    }
}
