using System.Runtime.InteropServices;
using System.Text;

namespace Edge.Imaging.Png;

/// <summary>
/// Owns one libpng <c>png_image</c>: the struct in native memory (libpng keeps pointers to it between
/// begin_read and finish_read, so it must not move) and the library state in its <c>opaque</c> field.
/// </summary>
internal sealed unsafe class PngImageHandle : SafeHandle
{
    private const string Library = "libpng";

    public PngImageHandle()
        : base(IntPtr.Zero, ownsHandle: true)
    {
        var image = (Interop.Png.png_image*)NativeMemory.AllocZeroed((nuint)sizeof(Interop.Png.png_image));
        image->version = Interop.Png.PNG_IMAGE_VERSION;
        SetHandle((IntPtr)image);
    }

    public override bool IsInvalid => handle == IntPtr.Zero;

    /// <summary>The struct's fields; valid while this handle is alive and not disposed.</summary>
    public ref Interop.Png.png_image Fields
    {
        get
        {
            ObjectDisposedException.ThrowIf(IsClosed, this);
            return ref *(Interop.Png.png_image*)handle;
        }
    }

    /// <summary>The one place libpng results are checked: zero means failure, the reason is in png_image.message.</summary>
    public void Check(int result, string operation)
    {
        if (result != 0)
        {
            return;
        }
        ref var image = ref Fields;
        string message;
        fixed (byte* text = image.message)
        {
            var bytes = new ReadOnlySpan<byte>(text, Interop.Png.MessageLength);
            var length = bytes.IndexOf((byte)0);
            message = Encoding.UTF8.GetString(length < 0 ? bytes : bytes[..length]);
        }
        throw new ImagingException(Library, operation, (int)image.warning_or_error, message.Length > 0 ? message : "libpng gave no message");
    }

    protected override bool ReleaseHandle()
    {
        var image = (Interop.Png.png_image*)handle;
        // opaque is set only once libpng was loaded and started; a missing library must not fail the release too.
        if (image->opaque != IntPtr.Zero)
        {
            Interop.Png.png_image_free(image);
        }
        NativeMemory.Free(image);
        return true;
    }
}
