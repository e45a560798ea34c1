namespace Edge.Imaging;

internal static partial class Interop
{
    /// <summary>libjpeg-turbo's TurboJPEG 2.1 API (turbojpeg.h). <c>unsigned long</c> is CULong.</summary>
    internal static partial class TurboJpeg
    {
        static TurboJpeg() => NativeLibraries.EnsureResolverInstalled();

        // enum TJPF
        public const int TJPF_RGB = 0;
        public const int TJPF_GRAY = 6;
        public const int TJPF_RGBA = 7;

        // enum TJSAMP
        public const int TJSAMP_444 = 0;
        public const int TJSAMP_422 = 1;
        public const int TJSAMP_420 = 2;
        public const int TJSAMP_GRAY = 3;
        public const int TJSAMP_440 = 4;
        public const int TJSAMP_411 = 5;

        // enum TJCS
        public const int TJCS_RGB = 0;
        public const int TJCS_YCbCr = 1;
        public const int TJCS_GRAY = 2;
        public const int TJCS_CMYK = 3;
        public const int TJCS_YCCK = 4;

        public const int TJFLAG_ACCURATEDCT = 4096;
        public const int TJFLAG_STOPONWARNING = 8192;

        // enum TJERR
        public const int TJERR_WARNING = 0;
        public const int TJERR_FATAL = 1;
    }
}
