using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Edge.Agent.Cameras.Sources.V4l2;

/// <summary>
/// Converts packed YUV 4:2:2 (YUYV: Y0 U Y1 V per pixel pair) to RGB24 or GRAY8, with the BT.601
/// limited-range equations in 8.8 fixed point (the colour matrix of standard-definition and most USB
/// cameras). Both pixels of a pair share the pair's chroma. The products are precomputed per byte value
/// and the results clamped through a table: a few loads and adds per pixel, no branches.
/// </summary>
public static class YuyvConverter
{
    // Sums of the terms below, shifted right by 8, range over [-277, 534] (blue: luma −4640 − 66048 up to
    // 71350 + 65532); offset by 512 they index [235, 1046] of the 1536-entry clamp table.
    private const int ClampOffset = 512;
    private const int ClampLength = 3 * ClampOffset;

    private static readonly int[] LumaTerm = BuildTable(v => (298 * (v - 16)) + 128);
    private static readonly int[] RedFromV = BuildTable(v => 409 * (v - 128));
    private static readonly int[] GreenFromU = BuildTable(u => -100 * (u - 128));
    private static readonly int[] GreenFromV = BuildTable(v => -208 * (v - 128));
    private static readonly int[] BlueFromU = BuildTable(u => 516 * (u - 128));
    private static readonly byte[] Clamp = BuildClamp();

    /// <param name="yuyv">The source picture; <paramref name="bytesPerLine"/> apart, at least 2 × width bytes per row.</param>
    /// <param name="bytesPerLine">Source row stride (a driver may pad rows).</param>
    /// <param name="width">Width in pixels.</param>
    /// <param name="height">Height in rows.</param>
    /// <param name="rgb">Destination, 3 × width × height bytes, rows packed.</param>
    public static void ToRgb24(ReadOnlySpan<byte> yuyv, int bytesPerLine, int width, int height, Span<byte> rgb)
    {
        CheckSizes(yuyv.Length, bytesPerLine, width, height, rgb.Length, 3);
        ref var clamp = ref MemoryMarshal.GetArrayDataReference(Clamp);
        ref var luma = ref MemoryMarshal.GetArrayDataReference(LumaTerm);
        ref var redV = ref MemoryMarshal.GetArrayDataReference(RedFromV);
        ref var greenU = ref MemoryMarshal.GetArrayDataReference(GreenFromU);
        ref var greenV = ref MemoryMarshal.GetArrayDataReference(GreenFromV);
        ref var blueU = ref MemoryMarshal.GetArrayDataReference(BlueFromU);
        for (var row = 0; row < height; row++)
        {
            // The sizes were checked above, so the row's bytes are all inside both spans.
            ref var source = ref Unsafe.Add(ref MemoryMarshal.GetReference(yuyv), row * bytesPerLine);
            ref var target = ref Unsafe.Add(ref MemoryMarshal.GetReference(rgb), row * width * 3);
            var x = 0;
            for (; x + 1 < width; x += 2)
            {
                ref var pair = ref Unsafe.Add(ref source, 2 * x);
                int u = Unsafe.Add(ref pair, 1);
                int v = Unsafe.Add(ref pair, 3);
                var red = Unsafe.Add(ref redV, v) + (ClampOffset << 8);
                var green = Unsafe.Add(ref greenU, u) + Unsafe.Add(ref greenV, v) + (ClampOffset << 8);
                var blue = Unsafe.Add(ref blueU, u) + (ClampOffset << 8);
                var y0 = Unsafe.Add(ref luma, pair);
                var y1 = Unsafe.Add(ref luma, Unsafe.Add(ref pair, 2));
                ref var pixel = ref Unsafe.Add(ref target, 3 * x);
                pixel = Unsafe.Add(ref clamp, (y0 + red) >> 8);
                Unsafe.Add(ref pixel, 1) = Unsafe.Add(ref clamp, (y0 + green) >> 8);
                Unsafe.Add(ref pixel, 2) = Unsafe.Add(ref clamp, (y0 + blue) >> 8);
                Unsafe.Add(ref pixel, 3) = Unsafe.Add(ref clamp, (y1 + red) >> 8);
                Unsafe.Add(ref pixel, 4) = Unsafe.Add(ref clamp, (y1 + green) >> 8);
                Unsafe.Add(ref pixel, 5) = Unsafe.Add(ref clamp, (y1 + blue) >> 8);
            }
            if (x < width)
            {
                // An odd last pixel has Y and U only: its V is taken as neutral.
                ref var pair = ref Unsafe.Add(ref source, 2 * x);
                int u = Unsafe.Add(ref pair, 1);
                var y = Unsafe.Add(ref luma, pair) + (ClampOffset << 8);
                ref var pixel = ref Unsafe.Add(ref target, 3 * x);
                pixel = Unsafe.Add(ref clamp, y >> 8);
                Unsafe.Add(ref pixel, 1) = Unsafe.Add(ref clamp, (y + Unsafe.Add(ref greenU, u)) >> 8);
                Unsafe.Add(ref pixel, 2) = Unsafe.Add(ref clamp, (y + Unsafe.Add(ref blueU, u)) >> 8);
            }
        }
    }

    /// <summary>Luma only, stretched from the limited range (16–235) to 0–255 like the RGB conversion of a grey pixel.</summary>
    public static void ToGray8(ReadOnlySpan<byte> yuyv, int bytesPerLine, int width, int height, Span<byte> gray)
    {
        CheckSizes(yuyv.Length, bytesPerLine, width, height, gray.Length, 1);
        for (var row = 0; row < height; row++)
        {
            var source = yuyv.Slice(row * bytesPerLine, 2 * width);
            var target = gray.Slice(row * width, width);
            for (var x = 0; x < target.Length; x++)
            {
                target[x] = Clamp[ClampOffset + (LumaTerm[source[2 * x]] >> 8)];
            }
        }
    }

    private static int[] BuildTable(Func<int, int> term)
    {
        var table = new int[256];
        for (var value = 0; value < 256; value++)
        {
            table[value] = term(value);
        }
        return table;
    }

    private static byte[] BuildClamp()
    {
        var table = new byte[ClampLength];
        for (var i = 0; i < table.Length; i++)
        {
            table[i] = (byte)Math.Clamp(i - ClampOffset, 0, 255);
        }
        return table;
    }

    private static void CheckSizes(int sourceLength, int bytesPerLine, int width, int height, int targetLength, int bytesPerPixel)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(bytesPerLine, 2 * width);
        var needed = ((long)(height - 1) * bytesPerLine) + (2 * width);
        if (sourceLength < needed)
        {
            throw new ArgumentException($"A {width}x{height} YUYV picture with {bytesPerLine} bytes per line needs {needed} bytes, not {sourceLength}.", nameof(sourceLength));
        }
        if (targetLength < (long)width * height * bytesPerPixel)
        {
            throw new ArgumentException($"The destination holds {targetLength} bytes, not {(long)width * height * bytesPerPixel}.", nameof(targetLength));
        }
    }
}
