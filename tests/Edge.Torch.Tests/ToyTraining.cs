using Edge.Torch;
using Edge.Torch.Optim;
using Edge.Torch.Optim.Schedules;

namespace Edge.Torch.Tests;

/// <summary>
/// The training loop the training, resume and memory tests share: TinyConvNet, AdamW with a warm-up cosine
/// schedule, gradient clipping, and libtorch-drawn input noise (so the random state matters for resuming).
/// </summary>
internal sealed class ToyTraining : IDisposable
{
    public const int TotalSteps = 300;

    public ToyTraining(ulong seed)
    {
        LibTorch.ManualSeed(seed);
        Model = new TinyConvNet();
        Optimizer = new AdamW(Model.NamedParameters(), learningRate: 0.01, weightDecay: 1e-4);
        Scheduler = new LearningRateScheduler(Optimizer, new WarmupCosineSchedule(20, TotalSteps, minFactor: 0.05));
    }

    public TinyConvNet Model { get; }

    public AdamW Optimizer { get; }

    public LearningRateScheduler Scheduler { get; }

    /// <summary>One optimisation step on batch <see cref="Optimizer"/>.StepCount; returns the loss.</summary>
    public float Step(int batchSize = 16)
    {
        using var scope = LibTorch.NewDisposeScope();
        var (images, labels) = ToyTask.Batch((int)Optimizer.StepCount, batchSize);
        var noisy = images + images.RandnLike() * 0.05;
        var loss = Functional.CrossEntropy(Model.Forward(noisy), labels);
        Optimizer.ZeroGrad();
        loss.Backward();
        GradientClipping.ClipByNorm(Model.Parameters(), 1.0);
        Scheduler.Apply();
        Optimizer.Step();
        return (float)loss.Item();
    }

    /// <summary>Classification accuracy in eval mode on unseen batches.</summary>
    public double Accuracy(int batches = 8)
    {
        using var scope = LibTorch.NewDisposeScope();
        using var noGrad = LibTorch.NoGrad();
        Model.Eval();
        var correct = 0L;
        for (var b = 0; b < batches; b++)
        {
            var (images, labels) = ToyTask.Batch(1_000_000 + b, 32);
            correct += Model.Forward(images).ArgMax(1).Eq(labels).Sum().ItemInt64();
        }
        Model.Train();
        return correct / (batches * 32.0);
    }

    public void Dispose()
    {
        Optimizer.Dispose();
        Model.Dispose();
    }
}
