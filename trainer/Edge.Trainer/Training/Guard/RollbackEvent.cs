namespace Edge.Trainer.Training.Guard;

/// <summary>Training diverged at <paramref name="Step"/> and went back to the state after <paramref name="BackTo"/>, now at <paramref name="LearningRate"/>.</summary>
public sealed record RollbackEvent(int Step, int BackTo, string Reason, double LearningRate);
