using System.Runtime.InteropServices;

namespace Edge.Agent.Interop;

/// <summary>
/// A region mapped with mmap, unmapped exactly once when released. The mapping keeps the file descriptor it
/// came from alive (AddRef), so the descriptor is closed only after the last mapping is gone.
/// </summary>
internal sealed class SafeMemoryMapping : SafeHandle
{
    private readonly SafeFileDescriptor? _fd;
    private readonly bool _fdReferenced;

    private SafeMemoryMapping(nint address, nuint length, SafeFileDescriptor fd, bool fdReferenced)
        : base(Interop.Libc.MAP_FAILED, ownsHandle: true)
    {
        SetHandle(address);
        Length = length;
        _fd = fd;
        _fdReferenced = fdReferenced;
    }

    public override bool IsInvalid => handle == Interop.Libc.MAP_FAILED || handle == 0;

    /// <summary>Bytes mapped.</summary>
    public nuint Length { get; }

    /// <summary>Maps <paramref name="length"/> bytes of <paramref name="fd"/> at <paramref name="offset"/>, shared, read-write.</summary>
    /// <exception cref="LibcException">mmap failed.</exception>
    public static SafeMemoryMapping Map(SafeFileDescriptor fd, nuint length, long offset, string what)
    {
        var referenced = false;
        fd.DangerousAddRef(ref referenced);
        var address = Interop.Libc.Mmap(0, length, Interop.Libc.PROT_READ | Interop.Libc.PROT_WRITE, Interop.Libc.MAP_SHARED, fd, offset);
        if (address == Interop.Libc.MAP_FAILED)
        {
            var errno = Marshal.GetLastPInvokeError();
            fd.DangerousRelease();
            throw new LibcException("mmap", what, errno);
        }
        return new SafeMemoryMapping(address, length, fd, referenced);
    }

    protected override bool ReleaseHandle()
    {
        var unmapped = Interop.Libc.Munmap(handle, Length) == 0;
        if (_fdReferenced)
        {
            _fd!.DangerousRelease();
        }
        return unmapped;
    }
}
