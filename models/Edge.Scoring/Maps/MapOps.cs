using System.Numerics;
using System.Numerics.Tensors;

namespace Edge.Scoring.Maps;

/// <summary>
/// Per-pixel building blocks of the anomaly maps, on row-major float planes. Every method writes into the caller's
/// buffers and allocates nothing, so a scorer can run them per frame.
/// </summary>
public static class MapOps
{
    /// <summary>
    /// Bilinear resize with half-pixel centres and edge clamping: PyTorch's interpolate(mode="bilinear",
    /// align_corners=False) and ONNX Resize "half_pixel" linear, for upscaling a cell map to pixels.
    /// </summary>
    public static void ResizeBilinear(ReadOnlySpan<float> source, int sourceWidth, int sourceHeight, Span<float> destination, int width, int height)
    {
        Require(source, sourceWidth * sourceHeight, nameof(source));
        Require(destination, width * height, nameof(destination));
        float scaleX = (float)sourceWidth / width, scaleY = (float)sourceHeight / height;
        for (var y = 0; y < height; y++)
        {
            var sy = Math.Max(0f, (y + 0.5f) * scaleY - 0.5f);
            var y0 = Math.Min((int)sy, sourceHeight - 1);
            var y1 = Math.Min(y0 + 1, sourceHeight - 1);
            var fy = sy - y0;
            for (var x = 0; x < width; x++)
            {
                var sx = Math.Max(0f, (x + 0.5f) * scaleX - 0.5f);
                var x0 = Math.Min((int)sx, sourceWidth - 1);
                var x1 = Math.Min(x0 + 1, sourceWidth - 1);
                var fx = sx - x0;
                var top = source[y0 * sourceWidth + x0] * (1 - fx) + source[y0 * sourceWidth + x1] * fx;
                var bottom = source[y1 * sourceWidth + x0] * (1 - fx) + source[y1 * sourceWidth + x1] * fx;
                destination[y * width + x] = top * (1 - fy) + bottom * fy;
            }
        }
    }

    /// <summary>Sum over channels of the squared difference of two planar CHW images.</summary>
    public static void SquaredError(ReadOnlySpan<float> image, ReadOnlySpan<float> reconstruction, int channels, Span<float> destination)
    {
        var plane = destination.Length;
        Require(image, channels * plane, nameof(image));
        Require(reconstruction, channels * plane, nameof(reconstruction));
        destination.Clear();
        var lanes = Vector<float>.Count;
        for (var c = 0; c < channels; c++)
        {
            var a = image.Slice(c * plane, plane);
            var b = reconstruction.Slice(c * plane, plane);
            var i = 0;
            for (; i + lanes <= plane; i += lanes)
            {
                var d = new Vector<float>(a[i..]) - new Vector<float>(b[i..]);
                (new Vector<float>(destination[i..]) + d * d).CopyTo(destination[i..]);
            }
            for (; i < plane; i++)
            {
                var d = a[i] - b[i];
                destination[i] += d * d;
            }
        }
    }

    /// <summary>Element-wise product, in place on <paramref name="target"/>.</summary>
    public static void MultiplyInPlace(Span<float> target, ReadOnlySpan<float> factor)
    {
        Require(factor, target.Length, nameof(factor));
        TensorPrimitives.Multiply(target, factor[..target.Length], target);
    }

    /// <summary>Grey dilation (maximum over a size x size square, clipped at the borders), via <paramref name="scratch"/>.</summary>
    public static void Dilate(Span<float> map, int width, int height, int size, Span<float> scratch)
    {
        Require(map, width * height, nameof(map));
        Require(scratch, width * height, nameof(scratch));
        var before = (size - 1) / 2;
        var after = size / 2;
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var m = float.NegativeInfinity;
                for (var k = Math.Max(0, x - before); k <= Math.Min(width - 1, x + after); k++)
                {
                    m = Math.Max(m, map[y * width + k]);
                }
                scratch[y * width + x] = m;
            }
        }
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var m = float.NegativeInfinity;
                for (var k = Math.Max(0, y - before); k <= Math.Min(height - 1, y + after); k++)
                {
                    m = Math.Max(m, scratch[k * width + x]);
                }
                map[y * width + x] = m;
            }
        }
    }

    /// <summary>Multiplies every value by <paramref name="factor"/>, in place.</summary>
    public static void Scale(Span<float> target, float factor) => TensorPrimitives.Multiply(target, factor, target);

    /// <summary>The largest value; NaN if any value is NaN (a broken model must not look quiet).</summary>
    public static float Max(ReadOnlySpan<float> map) => map.IsEmpty ? float.NegativeInfinity : TensorPrimitives.Max(map);

    internal static void Require(ReadOnlySpan<float> span, int length, string name)
    {
        if (span.Length < length)
        {
            throw new ArgumentException($"{name} holds {span.Length} values; {length} are needed.", name);
        }
    }
}
