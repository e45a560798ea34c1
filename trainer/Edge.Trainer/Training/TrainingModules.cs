using Edge.Torch.Modules;
using Edge.Trainer.Model;

namespace Edge.Trainer.Training;

/// <summary>
/// The auto-encoder and the budget prior under one module ("autoencoder.*", "prior.*"), so that one checkpoint
/// carries both whatever the phase. It owns nothing: the trainer's caller disposes the two models.
/// </summary>
internal sealed class TrainingModules : Module
{
    public TrainingModules(Pvqae autoEncoder, BudgetPrior prior, PatchDiscriminator? discriminator = null)
    {
        AutoEncoder = RegisterModule("autoencoder", autoEncoder);
        Prior = RegisterModule("prior", prior);
        Discriminator = discriminator is null ? null : RegisterModule("discriminator", discriminator);
    }

    /// <summary>The patch discriminator when the adversarial term is on (its weights are checkpointed with the rest).</summary>
    public PatchDiscriminator? Discriminator { get; }

    public Pvqae AutoEncoder { get; }

    public BudgetPrior Prior { get; }

    /// <summary>Leaves the two models alone: they outlive this view of them.</summary>
    protected override void Dispose(bool disposing)
    {
    }
}
