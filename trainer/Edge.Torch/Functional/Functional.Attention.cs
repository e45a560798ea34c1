using Edge.Torch.Native;

namespace Edge.Torch;

public static partial class Functional
{
    /// <summary>
    /// softmax(q kᵀ · scale + mask) v over (..., L, E) queries, (..., S, E) keys and (..., S, Ev) values.
    /// A bool <paramref name="mask"/> keeps positions where true; a float mask is added to the scores.
    /// <paramref name="scale"/> defaults to 1 / sqrt(E). libtorch 2.1+ runs its fused kernels; older versions
    /// (Debian's 1.13) the same math written out.
    /// </summary>
    public static Tensor ScaledDotProductAttention(Tensor query, Tensor key, Tensor value, Tensor? mask = null, double dropout = 0,
        bool isCausal = false, double? scale = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        return NativeResult.Tensor(Interop.Shim.edge_scaled_dot_product_attention(query.Handle, key.Handle, value.Handle, Tensor.HandleOrNull(mask),
            dropout, isCausal ? 1 : 0, scale ?? double.NaN));
    }
}
