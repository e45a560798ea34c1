using System.Runtime.InteropServices;
using Edge.Imaging.Jpeg;

namespace Edge.Imaging;

internal static partial class Interop
{
    internal static partial class TurboJpeg
    {
        [LibraryImport(NativeLibraries.TurboJpeg)]
        public static unsafe partial int tjDecompressHeader3(
            TurboJpegHandle handle, byte* jpegBuf, CULong jpegSize, int* width, int* height, int* jpegSubsamp, int* jpegColorspace);

        [LibraryImport(NativeLibraries.TurboJpeg)]
        public static unsafe partial int tjDecompress2(
            TurboJpegHandle handle, byte* jpegBuf, CULong jpegSize, byte* dstBuf, int width, int pitch, int height, int pixelFormat, int flags);
    }
}
