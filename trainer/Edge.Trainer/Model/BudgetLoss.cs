using Edge.Torch;
using F = Edge.Torch.Functional;

namespace Edge.Trainer.Model;

/// <summary>
/// The budget loss at the paper's scale: per coarsest cell, the expected cost of the routing under its softmax scores
/// (sum over levels of p(level) * cost(cell, level)), SUMMED over the cells of an image and averaged over the batch.
/// The paper sets it beside a reconstruction error summed over the image's pixel values; the trainer keeps the mean
/// squared error (so Adam's steps and the VQ terms keep their scale) and so divides this sum by the image's pixel
/// values too (<see cref="PerPixelValue"/>): the balance between detail and cost is the paper's.
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
        return ((scores * costs).Sum(2).Sum(1).Mean()).MoveToOuterDisposeScope();
    }

    /// <summary>The budget term beside a mean squared error: the per-image sum of <see cref="Expected"/> over the image's pixel values.</summary>
    public static Tensor PerPixelValue(Tensor routingLogits, Tensor costs, PvqaeConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        using var expected = Expected(routingLogits, costs);
        return expected / (double)(config.ImageChannels * config.ImageSize * config.ImageSize);
    }
}
