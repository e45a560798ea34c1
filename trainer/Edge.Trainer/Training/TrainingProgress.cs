namespace Edge.Trainer.Training;

/// <summary>One line of the training log: which phase, step, the loss terms and codebook usage.</summary>
public sealed record TrainingProgress(
    string Phase, int Step, int TotalSteps, double Loss, double Reconstruction, double Vq, double Budget,
    IReadOnlyList<double> Perplexity, double ElapsedSeconds);
