using Edge.Torch;
using F = Edge.Torch.Functional;

namespace Edge.Trainer.Model;

/// <summary>
/// METHOD.md section 2's budget loss: per coarsest cell, the expected cost of the routing under its softmax scores
/// (sum over levels of p(level) * cost(cell, level)), averaged over the cells and the batch.
/// </summary>
public static class BudgetLoss
{
    /// <param name="routingLogits">[N, levels, grid, grid].</param>
    /// <param name="costs">[N, grid * grid, levels], from <see cref="ContextRichness.Costs"/> per image.</param>
    public static Tensor Expected(Tensor routingLogits, Tensor costs)
    {
        ArgumentNullException.ThrowIfNull(routingLogits);
        using var scope = DisposeScope.Open();
        var n = routingLogits.Size(0);
        var levels = routingLogits.Size(1);
        var scores = F.Softmax(routingLogits, 1).Permute(0, 2, 3, 1).Reshape(n, -1, levels);
        return (scores * costs).Sum(2).Mean().MoveToOuterDisposeScope();
    }
}
