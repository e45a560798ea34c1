using Edge.Torch;

namespace Edge.Torch.Tests;

public class ReductionGradientTests
{
    private static readonly Dictionary<string, Func<Tensor, Tensor>> Reductions = new()
    {
        ["Sum"] = x => x.Sum(),
        ["SumDim"] = x => x.Sum(1),
        ["SumDimsKeep"] = x => x.Sum([0, 2], keepDim: true),
        ["Mean"] = x => x.Mean(),
        ["MeanDim"] = x => x.Mean(-1),
        ["Prod"] = x => x.Prod(),
        ["ProdDim"] = x => x.Prod(1),
        ["Max"] = x => x.Max(),
        ["Min"] = x => x.Min(),
        ["Amax"] = x => x.Amax([1, 2]),
        ["Amin"] = x => x.Amin([0]),
        ["MaxDimValues"] = x => x.Max(2).Values,
        ["MinDimValues"] = x => x.Min(0, keepDim: true).Values,
        ["Std"] = x => x.Std(),
        ["VarDim"] = x => x.Var([1], unbiased: false),
        ["LogSumExp"] = x => x.LogSumExp(2),
        ["TopKValues"] = x => x.TopK(2, dim: 2).Values,
        ["SortValues"] = x => x.Sort(1, descending: true).Values,
        ["CumSum"] = x => x.CumSum(2),
        ["Norm"] = x => x.Norm(),
        ["NormDims"] = x => x.Norm(3, [2], keepDim: true),
    };

    public static TheoryData<string> Names => [.. Reductions.Keys];

    [Theory]
    [MemberData(nameof(Names))]
    public void Reduction_gradient_matches_finite_differences(string name)
    {
        using var x = GradCheck.Random(21, [2, 3, 4], 0.2, 1.5);
        GradCheck.Check(t => Reductions[name](t[0]), [x]);
    }
}
