using Edge.Torch.Native;

namespace Edge.Torch;

public static partial class Functional
{
    /// <summary>Resizes the spatial dimensions of (N, C, ...) to <paramref name="size"/> (one entry per spatial dimension).</summary>
    public static Tensor Interpolate(Tensor input, ReadOnlySpan<long> size, InterpolationMode mode = InterpolationMode.Nearest, bool alignCorners = false) =>
        Interpolate(input, size, default, mode, alignCorners);

    /// <summary>
    /// Scales the spatial dimensions by <paramref name="scaleFactor"/> (output size floor(size * factor)); the factor
    /// is passed to libtorch as torch.nn.functional.interpolate(scale_factor=...) does.
    /// </summary>
    public static Tensor Interpolate(Tensor input, double scaleFactor, InterpolationMode mode = InterpolationMode.Nearest, bool alignCorners = false)
    {
        ArgumentNullException.ThrowIfNull(input);
        var shape = input.Shape;
        var rank = shape.Length - 2;
        if (rank < 1)
        {
            throw new ArgumentException($"interpolation needs an (N, C, ...) input, got {shape.Length} dimensions", nameof(input));
        }
        var size = new long[rank];
        var scales = new double[rank];
        for (var i = 0; i < rank; i++)
        {
            size[i] = (long)Math.Floor(shape[i + 2] * scaleFactor);
            scales[i] = scaleFactor;
        }
        return Interpolate(input, size, scales, mode, alignCorners);
    }

    /// <summary>Pads with (before, after) pairs starting from the last dimension, as torch.nn.functional.pad.</summary>
    public static unsafe Tensor Pad(Tensor input, ReadOnlySpan<long> pads, PaddingMode mode = PaddingMode.Constant, double value = 0)
    {
        ArgumentNullException.ThrowIfNull(input);
        fixed (long* p = pads)
        {
            return NativeResult.Tensor(Interop.Shim.edge_pad(input.Handle, p, pads.Length, (int)mode, value));
        }
    }

    private static unsafe Tensor Interpolate(Tensor input, ReadOnlySpan<long> size, ReadOnlySpan<double> scales, InterpolationMode mode, bool alignCorners)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (code, rank) = mode switch
        {
            InterpolationMode.Nearest => (0, size.Length),
            InterpolationMode.Linear => (1, 1),
            InterpolationMode.Bilinear => (1, 2),
            InterpolationMode.Trilinear => (1, 3),
            InterpolationMode.Bicubic => (2, 2),
            _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "unknown interpolation mode"),
        };
        if (size.Length != rank)
        {
            throw new ArgumentException($"{mode} interpolation takes {rank} output sizes, got {size.Length}", nameof(size));
        }
        fixed (long* s = size)
        fixed (double* f = scales)
        {
            return NativeResult.Tensor(Interop.Shim.edge_interpolate(input.Handle, code, s, rank, scales.IsEmpty ? null : f, alignCorners ? 1 : 0));
        }
    }
}
