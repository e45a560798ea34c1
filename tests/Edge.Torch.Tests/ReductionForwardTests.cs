using Edge.Torch;

namespace Edge.Torch.Tests;

public class ReductionForwardTests
{
    // [[1, 5, 3], [4, 2, 6]]
    private static Tensor Sample() => Tensor.FromArray([1.0, 5, 3, 4, 2, 6], [2, 3]);

    [Fact]
    public void Sum_mean_and_prod_reduce_all_or_some_dimensions()
    {
        using var scope = LibTorch.NewDisposeScope();
        var x = Sample();
        Assert.Equal(21.0, x.Sum().Item());
        Assert.Equal([5.0, 7, 9], x.Sum(0).ToDoubleArray());
        Assert.Equal([2L, 1L], x.Sum(1, keepDim: true).Shape);
        Assert.Equal([3.0, 4], x.Mean(1).ToDoubleArray());
        Assert.Equal(3.5, x.Mean().Item());
        Assert.Equal(720.0, x.Prod().Item());
        Assert.Equal([15.0, 48], x.Prod(1).ToDoubleArray());
        Assert.Equal(21.0, x.Sum([0, 1]).Item());
    }

    [Fact]
    public void Extremes_return_values_and_positions()
    {
        using var scope = LibTorch.NewDisposeScope();
        var x = Sample();
        Assert.Equal(6.0, x.Max().Item());
        Assert.Equal(1.0, x.Min().Item());
        var (values, indices) = x.Max(1);
        Assert.Equal([5.0, 6], values.ToDoubleArray());
        Assert.Equal([1L, 2], indices.ToInt64Array());
        var (minValues, minIndices) = x.Min(0);
        Assert.Equal([1.0, 2, 3], minValues.ToDoubleArray());
        Assert.Equal([0L, 1, 0], minIndices.ToInt64Array());
        Assert.Equal(5L, x.ArgMax().ItemInt64());
        Assert.Equal([0L, 1], x.ArgMin(1).ToInt64Array());
        Assert.Equal([5.0, 6], x.Amax([1]).ToDoubleArray());
    }

    [Fact]
    public void Topk_and_sort_order_values()
    {
        using var scope = LibTorch.NewDisposeScope();
        var x = Tensor.FromArray([3.0, 1, 4, 1.5, 9, 2], [6]);
        var (top, where) = x.TopK(3);
        Assert.Equal([9.0, 4, 3], top.ToDoubleArray());
        Assert.Equal([4L, 2, 0], where.ToInt64Array());
        var (bottom, _) = x.TopK(2, largest: false);
        Assert.Equal([1.0, 1.5], bottom.ToDoubleArray());
        var (sorted, order) = x.Sort();
        Assert.Equal([1.0, 1.5, 2, 3, 4, 9], sorted.ToDoubleArray());
        Assert.Equal([1L, 3, 5, 0, 2, 4], order.ToInt64Array());
    }

    [Fact]
    public void Statistics_match_hand_computed_values()
    {
        using var scope = LibTorch.NewDisposeScope();
        var x = Sample();
        // Values 1..6: mean 3.5, sum of squared deviations 17.5.
        Expect.Close(Math.Sqrt(17.5 / 5), x.Std().Item(), 1e-12);
        Expect.Close(17.5 / 6, x.Var(unbiased: false).Item(), 1e-12);
        Expect.Close([Math.Log(Math.Exp(1) + Math.Exp(5) + Math.Exp(3)), Math.Log(Math.Exp(4) + Math.Exp(2) + Math.Exp(6))], x.LogSumExp(1).ToDoubleArray(), 1e-12);
        Assert.Equal([1.0, 6, 9, 4, 6, 12], x.CumSum(1).ToDoubleArray());
        Expect.Close(Math.Sqrt(1 + 25 + 9 + 16 + 4 + 36), x.Norm().Item(), 1e-12);
        Expect.Close([9.0, 12], x.Norm(1, [1]).ToDoubleArray(), 1e-12);
    }

    [Fact]
    public void All_and_any_test_truth()
    {
        using var scope = LibTorch.NewDisposeScope();
        var x = Sample();
        Assert.True(x.Gt(0).All().ToBoolArray()[0]);
        Assert.False(x.Gt(5).All().ToBoolArray()[0]);
        Assert.True(x.Gt(5).Any().ToBoolArray()[0]);
        Assert.Equal([false, true], x.Gt(5).Any(1).ToBoolArray());
    }
}
