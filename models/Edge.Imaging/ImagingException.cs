namespace Edge.Imaging;

/// <summary>
/// A codec failed: bad or truncated data, or a library error. <see cref="NativeMessage"/> is the native
/// library's own text (libpng's png_image.message, TurboJPEG's tjGetErrorStr2) when a library reported it.
/// </summary>
public sealed class ImagingException : Exception
{
    public ImagingException()
    {
    }

    public ImagingException(string message)
        : base(message)
    {
    }

    public ImagingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ImagingException(string library, string operation, int nativeCode, string nativeMessage)
        : base($"{library}: {operation} failed: {nativeMessage}")
    {
        Library = library;
        Operation = operation;
        NativeCode = nativeCode;
        NativeMessage = nativeMessage;
    }

    /// <summary>"libpng" or "libturbojpeg"; null when the error was found before any library call.</summary>
    public string? Library { get; }

    /// <summary>The native function that failed.</summary>
    public string? Operation { get; }

    /// <summary>
    /// The library's code: libpng's png_image.warning_or_error (2 error, 3 error after a warning);
    /// TurboJPEG's tjGetErrorCode (0 TJERR_WARNING, 1 TJERR_FATAL). Zero when no library was involved.
    /// </summary>
    public int NativeCode { get; }

    public string? NativeMessage { get; }
}
