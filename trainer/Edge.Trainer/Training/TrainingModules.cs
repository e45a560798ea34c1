using Edge.Torch.Modules;
using Edge.Trainer.Model;

namespace Edge.Trainer.Training;

/// <summary>
/// The auto-encoder and the budget prior under one module ("autoencoder.*", "prior.*"), so that one checkpoint
/// carries both whatever the phase. It owns nothing: the trainer's caller disposes the two models.
/// </summary>
internal sealed class TrainingModules : Module
{
    public TrainingModules(Pvqae autoEncoder, BudgetPrior prior)
    {
        AutoEncoder = RegisterModule("autoencoder", autoEncoder);
        Prior = RegisterModule("prior", prior);
    }

    public Pvqae AutoEncoder { get; }

    public BudgetPrior Prior { get; }

    /// <summary>Leaves the two models alone: they outlive this view of them.</summary>
    protected override void Dispose(bool disposing)
    {
    }
}
