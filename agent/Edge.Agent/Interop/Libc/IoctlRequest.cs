using System.Runtime.CompilerServices;

namespace Edge.Agent.Interop;

/// <summary>
/// Ports of the kernel's <c>_IO</c>, <c>_IOR</c>, <c>_IOW</c> and <c>_IOWR</c> macros (asm-generic/ioctl.h, used by
/// x86-64 and arm64): direction in bits 30–31, argument size in bits 16–29, type in bits 8–15, number in 0–7.
/// </summary>
internal static class IoctlRequest
{
    private const int NumberBits = 8;
    private const int TypeBits = 8;
    private const int SizeBits = 14;
    private const int TypeShift = NumberBits;
    private const int SizeShift = TypeShift + TypeBits;
    private const int DirectionShift = SizeShift + SizeBits;

    private const uint None = 0;
    private const uint Write = 1;
    private const uint Read = 2;

    public static nuint Io(char type, uint number) => Encode(None, type, number, 0);

    public static nuint Ior<T>(char type, uint number) where T : unmanaged => Encode(Read, type, number, Unsafe.SizeOf<T>());

    public static nuint Iow<T>(char type, uint number) where T : unmanaged => Encode(Write, type, number, Unsafe.SizeOf<T>());

    public static nuint Iowr<T>(char type, uint number) where T : unmanaged => Encode(Read | Write, type, number, Unsafe.SizeOf<T>());

    private static nuint Encode(uint direction, char type, uint number, int size)
    {
        if (size >= 1 << SizeBits)
        {
            throw new ArgumentOutOfRangeException(nameof(size), size, "An ioctl argument must be smaller than 16 KiB.");
        }
        return (direction << DirectionShift) | ((uint)size << SizeShift) | ((uint)type << TypeShift) | number;
    }
}
