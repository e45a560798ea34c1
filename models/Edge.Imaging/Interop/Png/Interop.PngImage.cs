using System.Runtime.InteropServices;

namespace Edge.Imaging;

internal static partial class Interop
{
    /// <summary>libpng's simplified API (png.h, "png_image"): errors come back in the struct, never by longjmp.</summary>
    internal static partial class Png
    {
        static Png() => NativeLibraries.EnsureResolverInstalled();

        public const uint PNG_IMAGE_VERSION = 1;

        public const uint PNG_FORMAT_FLAG_ALPHA = 0x01;
        public const uint PNG_FORMAT_FLAG_COLOR = 0x02;
        public const uint PNG_FORMAT_FLAG_LINEAR = 0x04;
        public const uint PNG_FORMAT_FLAG_COLORMAP = 0x08;

        public const uint PNG_IMAGE_FLAG_16BIT_sRGB = 0x04;

        /// <summary>Low two bits of warning_or_error: 1 warning, 2 error, 3 error after a warning.</summary>
        public const uint PNG_IMAGE_ERROR = 2;

        public const int MessageLength = 64;

        /// <summary>png_image from png.h 1.6 (104 bytes on LP64: checked against sizeof/offsetof with the installed header).</summary>
        [StructLayout(LayoutKind.Sequential)]
        public unsafe struct png_image
        {
            public IntPtr opaque;
            public uint version;
            public uint width;
            public uint height;
            public uint format;
            public uint flags;
            public uint colormap_entries;
            public uint warning_or_error;
            public fixed byte message[MessageLength];
        }
    }
}
