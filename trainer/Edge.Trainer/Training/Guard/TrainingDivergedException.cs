namespace Edge.Trainer.Training.Guard;

/// <summary>
/// Training left its trend more often than the roll-backs allow. The run is not saved, so a diverged model can never
/// be exported; the message is one line with the step, the reason and what to change.
/// </summary>
public sealed class TrainingDivergedException : Exception
{
    public TrainingDivergedException(string message)
        : base(message)
    {
    }

    public TrainingDivergedException()
    {
    }

    public TrainingDivergedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
