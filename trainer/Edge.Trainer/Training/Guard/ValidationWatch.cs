using Edge.Torch;
using Edge.Trainer.Model;
using F = Edge.Torch.Functional;

namespace Edge.Trainer.Training.Guard;

/// <summary>
/// The auto-encoder's objective on held-back normal images, measured at each report, and the weights of the best
/// measurement so far. The budget term counts at its full weight at every step, so measurements early and late in the
/// budget ramp compare on one scale. Routing is the argmax (what export and the device use), not Gumbel noise.
/// </summary>
internal sealed class ValidationWatch : IDisposable
{
    private readonly Pvqae _model;
    private readonly (Tensor Images, Tensor Costs)? _batch;
    private readonly double _budgetWeight;
    private TrainingSnapshot? _best;
    private double _bestValue = double.PositiveInfinity;

    /// <param name="batch">
    /// The validation images and their budget costs, loaded once for the whole phase (the watch owns and disposes
    /// them), or null when none are held back.
    /// </param>
    public ValidationWatch(Pvqae model, (Tensor Images, Tensor Costs)? batch, double budgetWeight)
    {
        _model = model;
        _batch = batch is var (images, costs) ? (images.DetachFromDisposeScope(), costs.DetachFromDisposeScope()) : null;
        _budgetWeight = budgetWeight;
    }

    /// <summary>The objective at <paramref name="step"/> (null without validation images); keeps the weights when it is the best yet.</summary>
    public double? Measure(int step)
    {
        using var scope = DisposeScope.Open();
        if (_batch is not var (images, costs))
        {
            return null;
        }
        double value;
        using (LibTorch.NoGrad())
        {
            _model.Eval();
            try
            {
                using var output = _model.Forward(images);
                var reconstruction = F.MseLoss(output.Reconstruction, images).Item();
                var budget = _model.Config.PlainVq ? 0 : BudgetLoss.PerPixelValue(output.RoutingLogits, costs, _model.Config).Item();
                value = reconstruction + output.VqLoss.Item() + (_budgetWeight * budget);
            }
            finally
            {
                _model.Train();
            }
        }
        if (double.IsFinite(value) && value < _bestValue)
        {
            _bestValue = value;
            _best?.Dispose();
            _best = TrainingSnapshot.Take(step, _model);
        }
        return value;
    }

    /// <summary>Puts the best weights back; returns their step, or null when nothing was measured.</summary>
    public int? RestoreBest()
    {
        if (_best is null)
        {
            return null;
        }
        _best.Restore(_model, optimizer: null);
        return _best.Step;
    }

    public void Dispose()
    {
        _best?.Dispose();
        if (_batch is var (images, costs))
        {
            images.Dispose();
            costs.Dispose();
        }
    }
}
