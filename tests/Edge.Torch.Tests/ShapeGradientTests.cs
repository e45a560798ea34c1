using Edge.Torch;

namespace Edge.Torch.Tests;

public class ShapeGradientTests
{
    private static readonly Dictionary<string, Func<Tensor, Tensor>> ShapeOps = new()
    {
        ["Reshape"] = x => x.Reshape(4, 6) * 2,
        ["Permute"] = x => x.Permute(2, 0, 1) * 2,
        ["Transpose"] = x => x.Transpose(0, 2) * 2,
        ["Flatten"] = x => x.Flatten(1) * 2,
        ["Unsqueeze"] = x => x.Unsqueeze(1) * 2,
        ["Squeeze"] = x => x.Slice(1, 0, 1).Squeeze(1) * 2,
        ["Expand"] = x => x.Slice(0, 0, 1).Expand(3, -1, -1) * 2,
        ["Repeat"] = x => x.Repeat(1, 2, 1) * 2,
        ["Slice"] = x => x.Slice(2, 1, null, 2) * 2,
        ["Narrow"] = x => x.Narrow(1, 1, 2) * 2,
        ["Select"] = x => x.Select(1, 2) * 2,
        ["Flip"] = x => x.Flip(0, 2) * 2,
        ["Roll"] = x => x.Roll([1, -1], [1, 2]) * 2,
        ["Tril"] = x => x.Tril() * 2,
        ["Triu"] = x => x.Triu(1) * 2,
        ["SplitSecond"] = x => x.Split(3, 2)[1] * 2,
        ["ChunkFirst"] = x => x.Chunk(2, 1)[0] * 2,
        ["PadConstant"] = x => Functional.Pad(x, [1, 2], PaddingMode.Constant, 0.5) * 2,
        ["PadReflect"] = x => Functional.Pad(x.Unsqueeze(0), [1, 1, 1, 1], PaddingMode.Reflect) * 2,
        ["PadReplicate"] = x => Functional.Pad(x.Unsqueeze(0), [2, 1, 0, 1], PaddingMode.Replicate) * 2,
        ["PadCircular"] = x => Functional.Pad(x.Unsqueeze(0), [1, 1, 1, 1], PaddingMode.Circular) * 2,
    };

    public static TheoryData<string> Names => [.. ShapeOps.Keys];

    [Theory]
    [MemberData(nameof(Names))]
    public void Shape_operation_gradient_matches_finite_differences(string name)
    {
        using var x = GradCheck.Random(31, [2, 3, 4]);
        GradCheck.Check(t => ShapeOps[name](t[0]), [x]);
    }

    [Fact]
    public void Cat_and_stack_gradients_reach_every_input()
    {
        using var a = GradCheck.Random(32, [2, 3]);
        using var b = GradCheck.Random(33, [2, 3]);
        GradCheck.Check(t => Tensor.Cat([t[0], t[1] * 2], 1), [a, b]);
        GradCheck.Check(t => Tensor.Stack([t[0], t[1] * 2], 0), [a, b]);
    }

    [Fact]
    public void Index_select_and_gather_gradients_match_finite_differences()
    {
        using var x = GradCheck.Random(34, [4, 3]);
        using var rows = Tensor.FromArray([2L, 0L, 2L], [3]);
        using var index = Tensor.FromArray([0L, 2L, 1L, 1L, 0L, 0L, 2L, 2L], [4, 2]);
        GradCheck.Check(t => t[0].IndexSelect(0, rows), [x]);
        GradCheck.Check(t => t[0].Gather(1, index), [x]);
    }

    [Fact]
    public void Scatter_gradients_reach_the_target_and_the_source()
    {
        using var x = GradCheck.Random(35, [3, 4]);
        using var source = GradCheck.Random(36, [3, 2]);
        using var index = Tensor.FromArray([0L, 3L, 1L, 2L, 2L, 0L], [3, 2]);
        GradCheck.Check(t => t[0].Scatter(1, index, t[1]), [x, source]);
        GradCheck.Check(t => t[0].ScatterAdd(1, index, t[1]), [x, source]);
        GradCheck.Check(t => t[0].Scatter(1, index, 0.25), [x]);
    }
}
