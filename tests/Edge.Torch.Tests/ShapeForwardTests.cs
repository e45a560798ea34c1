using Edge.Torch;

namespace Edge.Torch.Tests;

public class ShapeForwardTests
{
    // [[0, 1, 2], [3, 4, 5]]
    private static Tensor Sample() => Tensor.Arange(0, 6, type: ScalarType.Float32).Reshape(2, 3);

    [Fact]
    public void Reshape_permute_and_transpose_reorder_elements_row_major()
    {
        using var scope = LibTorch.NewDisposeScope();
        var x = Sample();
        Assert.Equal([3L, 2L], x.Reshape(3, -1).Shape);
        Assert.Equal([0f, 3f, 1f, 4f, 2f, 5f], x.Transpose(0, 1).ToFloatArray());
        Assert.Equal([0f, 3f, 1f, 4f, 2f, 5f], x.Permute(1, 0).ToFloatArray());
        Assert.False(x.Transpose(0, 1).IsContiguous);
        Assert.True(x.Transpose(0, 1).Contiguous().IsContiguous);
        Assert.Equal([2L, 1L, 3L], x.Unsqueeze(1).Shape);
        Assert.Equal([2L, 3L], x.Unsqueeze(1).Squeeze().Shape);
        Assert.Equal([6L], x.Flatten().Shape);
    }

    [Fact]
    public void Cat_and_stack_join_tensors()
    {
        using var scope = LibTorch.NewDisposeScope();
        var x = Sample();
        var cat0 = Tensor.Cat([x, x], 0);
        var cat1 = Tensor.Cat([x, x + 10], 1);
        Assert.Equal([4L, 3L], cat0.Shape);
        Assert.Equal([0f, 1f, 2f, 10f, 11f, 12f, 3f, 4f, 5f, 13f, 14f, 15f], cat1.ToFloatArray());
        var stacked = Tensor.Stack([x, x + 10], 1);
        Assert.Equal([2L, 2L, 3L], stacked.Shape);
        Assert.Equal([0f, 1f, 2f, 10f, 11f, 12f, 3f, 4f, 5f, 13f, 14f, 15f], stacked.ToFloatArray());
    }

    [Fact]
    public void Slices_select_ranges_with_steps()
    {
        using var scope = LibTorch.NewDisposeScope();
        var x = Tensor.Arange(0, 10, type: ScalarType.Float32);
        Assert.Equal([2f, 4f, 6f], x.Slice(0, 2, 8, 2).ToFloatArray());
        Assert.Equal([7f, 8f, 9f], x.Slice(0, -3).ToFloatArray());
        Assert.Equal([3f, 4f], x.Narrow(0, 3, 2).ToFloatArray());
        Assert.Equal(4f, (float)Sample().Select(1, 1).Select(0, 1).Item());
    }

    [Fact]
    public void Index_select_gather_and_scatter_follow_the_indices()
    {
        using var scope = LibTorch.NewDisposeScope();
        var x = Sample();
        Assert.Equal([3f, 4f, 5f, 0f, 1f, 2f], x.IndexSelect(0, Tensor.FromArray([1L, 0L], [2])).ToFloatArray());
        var index = Tensor.FromArray([2L, 0L, 1L, 1L], [2, 2]);
        Assert.Equal([2f, 0f, 4f, 4f], x.Gather(1, index).ToFloatArray());
        var scattered = Tensor.Zeros([2, 3]).Scatter(1, index, Tensor.FromArray([1f, 2f, 3f, 4f], [2, 2]));
        Assert.Equal([2f, 0f, 1f, 0f, 4f, 0f], scattered.ToFloatArray());
        var added = Tensor.Zeros([2, 3]).ScatterAdd(1, index, Tensor.FromArray([1f, 2f, 3f, 4f], [2, 2]));
        Assert.Equal([2f, 0f, 1f, 0f, 7f, 0f], added.ToFloatArray());
        Assert.Equal([0f, 0f, 5f, 0f, 5f, 0f], Tensor.Zeros([2, 3]).Scatter(1, index.Slice(1, 0, 1), 5).ToFloatArray());
    }

    [Fact]
    public void One_hot_split_chunk_flip_and_roll_rearrange_data()
    {
        using var scope = LibTorch.NewDisposeScope();
        Assert.Equal([0L, 1, 0, 0, 0, 1, 1, 0, 0], Tensor.FromArray([1L, 2L, 0L], [3]).OneHot(3).ToInt64Array());
        var x = Tensor.Arange(0, 5, type: ScalarType.Float32);
        var pieces = x.Split(2);
        Assert.Equal(3, pieces.Length);
        Assert.Equal([4f], pieces[2].ToFloatArray());
        Assert.Equal([3f, 4f], x.Chunk(2)[1].ToFloatArray());
        Assert.Equal([4f, 3f, 2f, 1f, 0f], x.Flip(0).ToFloatArray());
        Assert.Equal([3f, 4f, 0f, 1f, 2f], x.Roll([2], [0]).ToFloatArray());
    }

    [Fact]
    public void Triangles_repeat_expand_and_pad_build_the_expected_layouts()
    {
        using var scope = LibTorch.NewDisposeScope();
        var ones = Tensor.Ones([3, 3]);
        Assert.Equal([1f, 0f, 0f, 1f, 1f, 0f, 1f, 1f, 1f], ones.Tril().ToFloatArray());
        Assert.Equal([0f, 1f, 1f, 0f, 0f, 1f, 0f, 0f, 0f], ones.Triu(1).ToFloatArray());
        var row = Tensor.FromArray([1f, 2f], [1, 2]);
        Assert.Equal([1f, 2f, 1f, 2f, 1f, 2f, 1f, 2f], row.Repeat(2, 2).ToFloatArray());
        Assert.Equal([1f, 2f, 1f, 2f, 1f, 2f], row.Expand(3, 2).ToFloatArray());
        Assert.Equal([9f, 1f, 2f, 9f, 9f], Functional.Pad(row, [1, 2], value: 9).ToFloatArray());
        Assert.Equal([2f, 1f, 2f, 1f], Functional.Pad(row.Unsqueeze(0), [1, 1], PaddingMode.Reflect).ToFloatArray());
        Assert.Equal([1f, 1f, 2f, 2f], Functional.Pad(row.Unsqueeze(0), [1, 1], PaddingMode.Replicate).ToFloatArray());
    }
}
