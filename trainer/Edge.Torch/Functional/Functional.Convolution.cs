using Edge.Torch.Native;

namespace Edge.Torch;

public static partial class Functional
{
    /// <summary>2-D convolution of (N, C, H, W) with weight (out, C / groups, kH, kW).</summary>
    public static Tensor Conv2d(Tensor input, Tensor weight, Tensor? bias = null, long stride = 1, long padding = 0, long dilation = 1, long groups = 1) =>
        Convolution(input, weight, bias, [stride, stride], [padding, padding], [dilation, dilation], groups);

    /// <summary>3-D convolution of (N, C, T, H, W) with weight (out, C / groups, kT, kH, kW).</summary>
    public static Tensor Conv3d(Tensor input, Tensor weight, Tensor? bias = null, long stride = 1, long padding = 0, long dilation = 1, long groups = 1) =>
        Convolution(input, weight, bias, [stride, stride, stride], [padding, padding, padding], [dilation, dilation, dilation], groups);

    /// <summary>Transposed 2-D convolution with weight (C, out / groups, kH, kW).</summary>
    public static Tensor ConvTranspose2d(Tensor input, Tensor weight, Tensor? bias = null, long stride = 1, long padding = 0, long outputPadding = 0, long groups = 1, long dilation = 1) =>
        Convolution(input, weight, bias, [stride, stride], [padding, padding], [dilation, dilation], groups, transposed: true, [outputPadding, outputPadding]);

    /// <summary>Transposed 3-D convolution with weight (C, out / groups, kT, kH, kW).</summary>
    public static Tensor ConvTranspose3d(Tensor input, Tensor weight, Tensor? bias = null, long stride = 1, long padding = 0, long outputPadding = 0, long groups = 1, long dilation = 1) =>
        Convolution(input, weight, bias, [stride, stride, stride], [padding, padding, padding], [dilation, dilation, dilation], groups, transposed: true, [outputPadding, outputPadding, outputPadding]);

    /// <summary>
    /// Convolution over 1 to 3 spatial dimensions with per-dimension settings (each list has one entry per
    /// spatial dimension); <paramref name="transposed"/> selects the transposed form.
    /// </summary>
    public static unsafe Tensor Convolution(Tensor input, Tensor weight, Tensor? bias, ReadOnlySpan<long> stride, ReadOnlySpan<long> padding,
        ReadOnlySpan<long> dilation, long groups = 1, bool transposed = false, ReadOnlySpan<long> outputPadding = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(weight);
        var rank = stride.Length;
        Span<long> zeros = stackalloc long[rank];
        zeros.Clear();
        var outPad = outputPadding.IsEmpty ? zeros : outputPadding;
        if (padding.Length != rank || dilation.Length != rank || outPad.Length != rank)
        {
            throw new ArgumentException($"stride, padding, dilation and output padding need {rank} entries each (one per spatial dimension)");
        }
        fixed (long* s = stride)
        fixed (long* p = padding)
        fixed (long* d = dilation)
        fixed (long* o = outPad)
        {
            return NativeResult.Tensor(Interop.Shim.edge_convolution(input.Handle, weight.Handle, Tensor.HandleOrNull(bias), s, p, d, o, rank, transposed ? 1 : 0, groups));
        }
    }
}
