using Edge.Testing;
using Edge.Torch;
using Edge.Torch.Optim;
using Edge.Torch.Serialization;
using Edge.Trainer.Data;
using Edge.Trainer.Model;
using Edge.Trainer.Tests.Training;
using Edge.Trainer.Training;

namespace Edge.Trainer.Tests.Model;

public sealed class PatchDiscriminatorTests(FitData data) : IClassFixture<FitData>
{
    [Fact]
    public void The_hinge_loss_is_two_at_zero_logits_and_training_the_discriminator_separates_real_from_reconstructed_patches()
    {
        LibTorch.ManualSeed(3);
        using var discriminator = new PatchDiscriminator(3, 8);
        var random = new Random(4);
        using var real = Tensor.FromArray(Enumerable.Range(0, 2 * 3 * 16 * 16).Select(_ => random.NextSingle() * 2 - 1).ToArray(), [2, 3, 16, 16]);
        using var flat = Tensor.FromArray(new float[2 * 3 * 16 * 16], [2, 3, 16, 16]);
        using var optimizer = new Adam(discriminator.NamedParameters(), 1e-2);
        double first;
        using (var loss = discriminator.Loss(real, flat))
        {
            first = loss.Item();
        }

        for (var step = 0; step < 60; step++)
        {
            using var scope = DisposeScope.Open();
            optimizer.ZeroGrad();
            discriminator.Loss(real, flat).Backward();
            optimizer.Step();
        }
        using var last = discriminator.Loss(real, flat);
        using var generator = discriminator.GeneratorLoss(flat);

        // A freshly initialized discriminator gives logits near 0, where each hinge term is near 1.
        Assert.InRange(first, 1.5, 2.5);
        Assert.True(last.Item() < 0.5, $"the discriminator did not learn: loss {first} -> {last.Item()}");
        // Separated: the reconstructed patches now look fake, so the auto-encoder's term is high (logits below -1).
        Assert.True(generator.Item() > 0.5, $"generator term {generator.Item()}");
    }

    [Fact]
    public void Training_with_the_adversarial_term_runs_after_the_warm_up_and_checkpoints_the_discriminator()
    {
        using var folder = new TempFolder();
        var options = new TrainingOptions
        {
            Model = new PvqaeConfig { ImageSize = 32, BaseWidth = 8, EmbeddingDim = 8, CodebookSize = 16, RoutingHidden = 8, PriorWidth = 8, PriorHeads = 2 },
            BatchSize = 2, Steps = 6, PriorSteps = 2, ReseedEvery = 3, MaxMinutes = 5,
            AdversarialWeight = 0.1, AdversarialWarmupSteps = 3, DiscriminatorWidth = 4,
        };
        var progress = new List<TrainingProgress>();
        var trainer = new PvqaeTrainer(options, MvtecDataset.Open(data.DataFolder)) { CheckpointFolder = folder.Path, Progress = progress.Add };

        var (model, prior) = trainer.Train();
        model.Dispose();
        prior.Dispose();
        using var checkpoint = StateFile.Read(folder.File(TrainingCheckpoint.StateFileName));

        Assert.Equal(TrainingStop.Finished, trainer.Stop);
        Assert.All(progress, p => Assert.True(double.IsFinite(p.Loss), $"loss {p.Loss} at {p.Phase} {p.Step}"));
        Assert.Contains("model/discriminator.conv1.weight", checkpoint.Names);
        Assert.Contains("model/discriminator.logits.weight", checkpoint.Names);
    }
}
