namespace Edge.Trainer.Training;

/// <summary>One line of the training log: which phase, step, the loss terms and codebook usage.</summary>
public sealed record TrainingProgress(
    string Phase, int Step, int TotalSteps, double Loss, double Reconstruction, double Vq, double Budget,
    IReadOnlyList<double> Perplexity, double ElapsedSeconds)
{
    /// <summary>The objective on the held-back normal images at this step (auto-encoder phase; null without them).</summary>
    public double? Validation { get; init; }
}

/// <summary>Receives training progress lines (every few steps, with the loss terms).</summary>
public delegate void TrainingProgressSink(TrainingProgress progress);

/// <summary>Told after every finished step (cheap: for progress bars).</summary>
public delegate void TrainingStepSink(string phase, int step, int totalSteps);
