using Microsoft.Win32.SafeHandles;

namespace Edge.Imaging.Jpeg;

/// <summary>Owns a buffer that TurboJPEG allocated (tjCompress2's output), released with tjFree.</summary>
internal sealed class TurboJpegBufferHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public TurboJpegBufferHandle(IntPtr buffer)
        : base(ownsHandle: true)
    {
        SetHandle(buffer);
    }

    protected override bool ReleaseHandle()
    {
        Interop.TurboJpeg.tjFree(handle);
        return true;
    }
}
