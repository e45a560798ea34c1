using System.Runtime.CompilerServices;
using Edge.Torch.Native;

namespace Edge.Torch;

/// <summary>Reductions: over every element, one dimension, or a list of dimensions.</summary>
public sealed partial class Tensor
{
    public Tensor Sum() => Reduce(ReduceOp.Sum, [], false);

    public Tensor Sum(long dim, bool keepDim = false) => Reduce(ReduceOp.Sum, [dim], keepDim);

    public Tensor Sum(ReadOnlySpan<long> dims, bool keepDim = false) => Reduce(ReduceOp.Sum, dims, keepDim);

    public Tensor Mean() => Reduce(ReduceOp.Mean, [], false);

    public Tensor Mean(long dim, bool keepDim = false) => Reduce(ReduceOp.Mean, [dim], keepDim);

    public Tensor Mean(ReadOnlySpan<long> dims, bool keepDim = false) => Reduce(ReduceOp.Mean, dims, keepDim);

    public Tensor Prod() => Reduce(ReduceOp.Prod, [], false);

    public Tensor Prod(long dim, bool keepDim = false) => Reduce(ReduceOp.Prod, [dim], keepDim);

    /// <summary>Largest element.</summary>
    public Tensor Max() => Reduce(ReduceOp.Amax, [], false);

    /// <summary>Smallest element.</summary>
    public Tensor Min() => Reduce(ReduceOp.Amin, [], false);

    /// <summary>Largest values along the dimensions (gradient split evenly between ties).</summary>
    public Tensor Amax(ReadOnlySpan<long> dims, bool keepDim = false) => Reduce(ReduceOp.Amax, dims, keepDim);

    public Tensor Amin(ReadOnlySpan<long> dims, bool keepDim = false) => Reduce(ReduceOp.Amin, dims, keepDim);

    /// <summary>Largest values along <paramref name="dim"/> and where they are.</summary>
    public (Tensor Values, Tensor Indices) Max(long dim, bool keepDim = false) => Extreme(dim, keepDim, isMax: true);

    public (Tensor Values, Tensor Indices) Min(long dim, bool keepDim = false) => Extreme(dim, keepDim, isMax: false);

    /// <summary>Standard deviation (Bessel-corrected unless <paramref name="unbiased"/> is false) over all or the given dimensions.</summary>
    public Tensor Std(ReadOnlySpan<long> dims = default, bool unbiased = true, bool keepDim = false) =>
        Reduce(ReduceOp.Std, dims, keepDim, unbiased);

    public Tensor Var(ReadOnlySpan<long> dims = default, bool unbiased = true, bool keepDim = false) =>
        Reduce(ReduceOp.Var, dims, keepDim, unbiased);

    public Tensor LogSumExp(long dim, bool keepDim = false) => Reduce(ReduceOp.LogSumExp, [dim], keepDim);

    public Tensor LogSumExp(ReadOnlySpan<long> dims, bool keepDim = false) => Reduce(ReduceOp.LogSumExp, dims, keepDim);

    public Tensor All() => Reduce(ReduceOp.All, [], false);

    public Tensor All(long dim, bool keepDim = false) => Reduce(ReduceOp.All, [dim], keepDim);

    public Tensor Any() => Reduce(ReduceOp.Any, [], false);

    public Tensor Any(long dim, bool keepDim = false) => Reduce(ReduceOp.Any, [dim], keepDim);

    /// <summary>Index of the largest element of the flattened tensor.</summary>
    public Tensor ArgMax() => NativeResult.Tensor(Interop.Shim.edge_arg_extreme(Handle, 0, 0, 0, 1));

    public Tensor ArgMax(long dim, bool keepDim = false) =>
        NativeResult.Tensor(Interop.Shim.edge_arg_extreme(Handle, dim, 1, keepDim ? 1 : 0, 1));

    public Tensor ArgMin() => NativeResult.Tensor(Interop.Shim.edge_arg_extreme(Handle, 0, 0, 0, 0));

    public Tensor ArgMin(long dim, bool keepDim = false) =>
        NativeResult.Tensor(Interop.Shim.edge_arg_extreme(Handle, dim, 1, keepDim ? 1 : 0, 0));

    /// <summary>The k largest (or smallest) values along <paramref name="dim"/> and their indices.</summary>
    public (Tensor Values, Tensor Indices) TopK(long k, long dim = -1, bool largest = true, bool sorted = true)
    {
        NativeResult.Check(Interop.Shim.edge_topk(Handle, k, dim, largest ? 1 : 0, sorted ? 1 : 0, out var values, out var indices));
        return (new Tensor(values), new Tensor(indices));
    }

    public (Tensor Values, Tensor Indices) Sort(long dim = -1, bool descending = false)
    {
        NativeResult.Check(Interop.Shim.edge_sort(Handle, dim, descending ? 1 : 0, out var values, out var indices));
        return (new Tensor(values), new Tensor(indices));
    }

    public Tensor CumSum(long dim) => NativeResult.Tensor(Interop.Shim.edge_cumsum(Handle, dim));

    /// <summary>The p-norm of all elements, or over the given dimensions.</summary>
    public unsafe Tensor Norm(double p = 2, ReadOnlySpan<long> dims = default, bool keepDim = false)
    {
        fixed (long* d = dims)
        {
            return NativeResult.Tensor(Interop.Shim.edge_vector_norm(Handle, p, d, dims.Length, keepDim ? 1 : 0));
        }
    }

    private unsafe Tensor Reduce(ReduceOp op, ReadOnlySpan<long> dims, bool keepDim, bool unbiased = true, [CallerMemberName] string operation = "")
    {
        fixed (long* d = dims)
        {
            return NativeResult.Tensor(Interop.Shim.edge_reduce(Handle, (int)op, d, dims.Length, keepDim ? 1 : 0, unbiased ? 1 : 0), operation);
        }
    }

    private (Tensor Values, Tensor Indices) Extreme(long dim, bool keepDim, bool isMax, [CallerMemberName] string operation = "")
    {
        NativeResult.Check(Interop.Shim.edge_extreme_dim(Handle, dim, keepDim ? 1 : 0, isMax ? 1 : 0, out var values, out var indices), operation);
        return (new Tensor(values), new Tensor(indices));
    }
}
