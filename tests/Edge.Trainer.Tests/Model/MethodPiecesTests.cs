using Edge.Torch;
using Edge.Trainer.Model;

namespace Edge.Trainer.Tests.Model;

/// <summary>The pieces of METHOD.md section 2 on cases small enough to work out by hand (the arithmetic is in each test).</summary>
public sealed class MethodPiecesTests
{
    private static readonly PvqaeConfig Tiny = new()
    {
        ImageSize = 32, BaseWidth = 8, EmbeddingDim = 8, CodebookSize = 16, RoutingHidden = 8, PriorWidth = 8, PriorHeads = 2, ClassCount = 2,
    };

    [Fact]
    public void Context_richness_is_the_normalized_entropy_of_the_histogram_of_each_patch_s_haar_detail_coefficients()
    {
        // A 4x4 grey image on a 2x2 grid: one 2x2 Haar block (three coefficients, binned by one grey level) per cell.
        //   cell (0,0) = [0.4 0.2; 0.4 0]:   LH 0.3, HL 0.1, HH -0.1: three bins -> entropy ln3 / ln3 = 1
        //   cell (0,1) = [1 1; 0 0]:         LH 0, HL 1, HH 0: bins {0, 0, 255} -> -(2/3 ln 2/3 + 1/3 ln 1/3) / ln3
        //   cell (1,0) = [1 0; 0 0]:         LH = HL = HH = 1/2: one bin -> entropy 0 (strong, but uniform detail)
        //   cell (1,1) = flat plus 0.001:    every coefficient under half a grey level -> bin 0 -> entropy 0 (noise is not richness)
        float[] image =
        [
            0.4f, 0.2f, 1, 1,
            0.4f, 0, 0, 0,
            1, 0, 0.5f, 0.501f,
            0, 0, 0.5f, 0.5f,
        ];

        var entropies = ContextRichness.Compute(image, channels: 1, size: 4, grid: 2);

        Assert.Equal(1.0, entropies[0], 5);
        Assert.Equal(-((2.0 / 3 * Math.Log(2.0 / 3)) + (1.0 / 3 * Math.Log(1.0 / 3))) / Math.Log(3), entropies[1], 5);
        Assert.Equal(0.0, entropies[2], 5);
        Assert.Equal(0.0, entropies[3], 5);
    }

    [Fact]
    public void Budget_costs_are_one_over_entropy_times_alpha_per_finer_level_scaled_by_the_dearest_possible()
    {
        // alpha 2, 3 levels, entropy floor 0.05: the dearest cost is 2^2 / 0.05 = 80.
        //   entropy 0.5  -> base 2:  finest 2 * 4 / 80 = 0.1,  middle 2 * 2 / 80 = 0.05, coarsest 2 / 80 = 0.025
        //   entropy 0.02 -> floored to 0.05, base 20: 1.0, 0.5, 0.25
        var costs = ContextRichness.Costs([0.5f, 0.02f], levels: 3, alpha: 2f);

        Assert.Equal([0.1f, 0.05f, 0.025f, 1.0f, 0.5f, 0.25f], costs.Select(c => MathF.Round(c, 6)));
    }

    [Fact]
    public void The_budget_loss_is_the_cost_expected_under_the_routing_softmax_summed_over_cells_as_in_the_paper()
    {
        // Two cells, three levels. Cell 0 has equal logits: p = 1/3 each, expected cost (0.1 + 0.05 + 0.025) / 3 = 0.058333.
        // Cell 1's logits (ln 2, 0, 0) give p = (1/2, 1/4, 1/4): expected 1.0/2 + 0.5/4 + 0.25/4 = 0.6875. Sum: 0.745833.
        using var noGrad = LibTorch.NoGrad();
        var ln2 = (float)Math.Log(2);
        // [N=1, levels=3, grid 1 x 2]: the logits of level l for cells 0 and 1.
        using var logits = Tensor.FromArray(new float[] { 0, ln2, 0, 0, 0, 0 }, [1, 3, 1, 2]);
        using var costs = Tensor.FromArray(new[] { 0.1f, 0.05f, 0.025f, 1.0f, 0.5f, 0.25f }, [1, 2, 3]);

        using var loss = BudgetLoss.Expected(logits, costs);

        Assert.Equal(0.175 / 3 + 0.6875, loss.Item(), 5);
        // Beside a mean squared error the sum is spread over the image's pixel values (3 x 32 x 32 for this config).
        using var perValue = BudgetLoss.PerPixelValue(logits, costs, new PvqaeConfig { ImageSize = 32 });
        Assert.Equal((0.175 / 3 + 0.6875) / (3 * 32 * 32), perValue.Item(), 9);
    }

    [Fact]
    public void Evaluation_routes_each_cell_to_its_largest_logit_and_training_to_one_level_per_cell()
    {
        LibTorch.ManualSeed(5);
        using var model = new Pvqae(Tiny);
        var random = new Random(6);
        using var image = Tensor.FromArray(Enumerable.Range(0, 2 * 3 * 32 * 32).Select(_ => random.NextSingle() * 2 - 1).ToArray(), [2, 3, 32, 32]);
        using var noGrad = LibTorch.NoGrad();

        model.Eval();
        using var evaluated = model.Forward(image);
        model.Train();
        using var trained = model.Forward(image, tau: 0.5);

        var logits = evaluated.RoutingLogits.ToFloatArray();
        var routing = evaluated.Routing.ToFloatArray();
        int levels = Tiny.Levels, cells = Tiny.CoarsestGrid * Tiny.CoarsestGrid;
        for (var n = 0; n < 2; n++)
        {
            for (var cell = 0; cell < cells; cell++)
            {
                var scores = Enumerable.Range(0, levels).Select(l => logits[(n * levels + l) * cells + cell]).ToList();
                var best = scores.IndexOf(scores.Max());
                for (var l = 0; l < levels; l++)
                {
                    Assert.Equal(l == best ? 1f : 0f, routing[(n * levels + l) * cells + cell]);
                }
                // Hard Gumbel-softmax: one level per cell, whichever the noise picked.
                var hard = Enumerable.Range(0, levels).Select(l => trained.Routing.ToFloatArray()[(n * levels + l) * cells + cell]).ToList();
                Assert.Equal(1f, hard.Sum(), 5);
                Assert.Equal(1, hard.Count(v => v > 0.5f));
            }
        }
    }

    [Fact]
    public void The_prior_s_prediction_at_each_cell_is_its_forward_pass_with_that_cell_masked()
    {
        LibTorch.ManualSeed(7);
        using var prior = new BudgetPrior(Tiny);
        prior.Eval();
        using var noGrad = LibTorch.NoGrad();
        long[] routing = [0, 2, 1, 1];
        using var tokens = Tensor.FromArray(routing, [1, 4]);
        using var classes = Tensor.FromArray(new long[] { 1 }, [1]);

        var predicted = prior.Predict(tokens, classes).ToFloatArray();

        for (var cell = 0; cell < 4; cell++)
        {
            var masked = routing.ToArray();
            masked[cell] = prior.MaskToken;
            using var maskedTokens = Tensor.FromArray(masked, [1, 4]);
            using var logits = prior.Forward(maskedTokens, classes);
            var row = logits.ToFloatArray().Skip(cell * Tiny.Levels).Take(Tiny.Levels).ToArray();
            var expected = row.Select(v => Math.Exp(v) / row.Sum(r => Math.Exp(r))).ToArray();
            for (var l = 0; l < Tiny.Levels; l++)
            {
                Assert.Equal(expected[l], predicted[cell * Tiny.Levels + l], 5);
            }
        }
    }
}
