using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Edge.Imaging.Jpeg;

/// <summary>Owns one TurboJPEG instance (tjhandle), released with tjDestroy. One thread at a time.</summary>
internal sealed class TurboJpegHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    private const string Library = "libturbojpeg";

    /// <summary>For the interop marshaller, which sets the handle returned by tjInit*.</summary>
    public TurboJpegHandle()
        : base(ownsHandle: true)
    {
    }

    public static TurboJpegHandle CreateDecompressor() => Created(Interop.TurboJpeg.tjInitDecompress(), "tjInitDecompress");

    public static TurboJpegHandle CreateCompressor() => Created(Interop.TurboJpeg.tjInitCompress(), "tjInitCompress");

    /// <summary>The one place TurboJPEG results are checked: -1 means failure (a warning counts, see TJFLAG_STOPONWARNING).</summary>
    public void Check(int result, string operation)
    {
        if (result == 0)
        {
            return;
        }
        var code = Interop.TurboJpeg.tjGetErrorCode(this);
        throw new ImagingException(Library, operation, code, MessageAt(Interop.TurboJpeg.tjGetErrorStr2(this)));
    }

    protected override bool ReleaseHandle() => Interop.TurboJpeg.tjDestroy(handle) == 0;

    private static TurboJpegHandle Created(TurboJpegHandle handle, string operation)
    {
        if (!handle.IsInvalid)
        {
            return handle;
        }
        handle.Dispose();
        // A failed tjInit* has no instance to ask: the message is the library's global (thread-local) one.
        var message = MessageAt(Interop.TurboJpeg.tjGetGlobalErrorStr(IntPtr.Zero));
        throw new ImagingException(Library, operation, Interop.TurboJpeg.TJERR_FATAL, message);
    }

    private static string MessageAt(IntPtr text)
    {
        var message = Marshal.PtrToStringUTF8(text);
        return string.IsNullOrEmpty(message) ? "libturbojpeg gave no message" : message;
    }
}
