using System.Numerics;
using System.Runtime.InteropServices;

namespace Edge.Imaging.Preprocessing;

/// <summary>
/// The vertical half of bilinear resizing fused with normalization, one output row at a time, in SIMD
/// (<see cref="Vector{T}"/>: AVX2 on x64, NEON on the Jetson's arm64) with a scalar tail doing the same arithmetic.
/// </summary>
internal static class RowKernels
{
    /// <summary>output[x] = (top[x] + (bottom[x] - top[x]) * weight) * scale + bias.</summary>
    public static void BlendNormalize(ReadOnlySpan<float> top, ReadOnlySpan<float> bottom, float weight, float scale, float bias, Span<float> output)
    {
        var length = output.Length;
        if (top.Length < length || bottom.Length < length)
        {
            throw new ArgumentException("The rows are shorter than the output.");
        }
        ref var t = ref MemoryMarshal.GetReference(top);
        ref var b = ref MemoryMarshal.GetReference(bottom);
        ref var o = ref MemoryMarshal.GetReference(output);
        var x = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var w = new Vector<float>(weight);
            var s = new Vector<float>(scale);
            var c = new Vector<float>(bias);
            for (; x <= length - Vector<float>.Count; x += Vector<float>.Count)
            {
                var upper = Vector.LoadUnsafe(ref t, (nuint)x);
                var lower = Vector.LoadUnsafe(ref b, (nuint)x);
                ((upper + (lower - upper) * w) * s + c).StoreUnsafe(ref o, (nuint)x);
            }
        }
        for (; x < length; x++)
        {
            output[x] = (top[x] + (bottom[x] - top[x]) * weight) * scale + bias;
        }
    }

    /// <summary>
    /// Like <see cref="BlendNormalize"/> for a gray output from three planes (red, green, blue, each
    /// <c>output.Length</c> long): BT.601 luma of each row first, then the blend.
    /// </summary>
    public static void BlendLumaNormalize(ReadOnlySpan<float> top, ReadOnlySpan<float> bottom, float weight, float scale, float bias, Span<float> output)
    {
        var length = output.Length;
        if (top.Length < 3 * length || bottom.Length < 3 * length)
        {
            throw new ArgumentException("The rows need three planes as long as the output.");
        }
        ref var t = ref MemoryMarshal.GetReference(top);
        ref var b = ref MemoryMarshal.GetReference(bottom);
        ref var o = ref MemoryMarshal.GetReference(output);
        nuint green = (nuint)length, blue = 2 * (nuint)length;
        var x = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var w = new Vector<float>(weight);
            var s = new Vector<float>(scale);
            var c = new Vector<float>(bias);
            var kr = new Vector<float>(Luma.Red);
            var kg = new Vector<float>(Luma.Green);
            var kb = new Vector<float>(Luma.Blue);
            for (; x <= length - Vector<float>.Count; x += Vector<float>.Count)
            {
                var i = (nuint)x;
                var upper = Vector.LoadUnsafe(ref t, i) * kr + Vector.LoadUnsafe(ref t, green + i) * kg + Vector.LoadUnsafe(ref t, blue + i) * kb;
                var lower = Vector.LoadUnsafe(ref b, i) * kr + Vector.LoadUnsafe(ref b, green + i) * kg + Vector.LoadUnsafe(ref b, blue + i) * kb;
                ((upper + (lower - upper) * w) * s + c).StoreUnsafe(ref o, i);
            }
        }
        for (; x < length; x++)
        {
            var upper = top[x] * Luma.Red + top[length + x] * Luma.Green + top[2 * length + x] * Luma.Blue;
            var lower = bottom[x] * Luma.Red + bottom[length + x] * Luma.Green + bottom[2 * length + x] * Luma.Blue;
            output[x] = (upper + (lower - upper) * weight) * scale + bias;
        }
    }
}
