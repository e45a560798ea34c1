using Edge.Torch.Native;

namespace Edge.Torch;

/// <summary>
/// Stateless neural-network operations, as in torch.nn.functional. Inputs follow PyTorch's layouts
/// (N, C, ...) and every operation is differentiable unless said otherwise.
/// </summary>
public static partial class Functional
{
    /// <summary>input · weightᵀ + bias, with weight (out, in).</summary>
    public static Tensor Linear(Tensor input, Tensor weight, Tensor? bias = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(weight);
        return NativeResult.Tensor(Interop.Shim.edge_linear(input.Handle, weight.Handle, Tensor.HandleOrNull(bias)));
    }

    /// <summary>Rows of <paramref name="weight"/> picked by the int64 <paramref name="indices"/>; the row at <paramref name="paddingIndex"/> gets no gradient.</summary>
    public static Tensor Embedding(Tensor indices, Tensor weight, long paddingIndex = -1)
    {
        ArgumentNullException.ThrowIfNull(indices);
        ArgumentNullException.ThrowIfNull(weight);
        return NativeResult.Tensor(Interop.Shim.edge_embedding(weight.Handle, indices.Handle, paddingIndex));
    }

    /// <summary>p-norm distances between the rows of a (.., P, M) and b (.., R, M), shape (.., P, R).</summary>
    public static Tensor Cdist(Tensor a, Tensor b, double p = 2)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return NativeResult.Tensor(Interop.Shim.edge_cdist(a.Handle, b.Handle, p));
    }

    public static Tensor CosineSimilarity(Tensor a, Tensor b, long dim = 1, double eps = 1e-8)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return NativeResult.Tensor(Interop.Shim.edge_cosine_similarity(a.Handle, b.Handle, dim, eps));
    }

    /// <summary>Divides by the p-norm along <paramref name="dim"/> (at least <paramref name="eps"/>).</summary>
    public static Tensor Normalize(Tensor input, double p = 2, long dim = 1, double eps = 1e-12)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var norm = input.Norm(p, [dim], keepDim: true);
        using var safe = norm.ClampMin(eps);
        return input / safe;
    }
}
