namespace Edge.Torch.Optim.Schedules;

/// <summary>Linear warm-up, then a straight line from 1 to <see cref="EndFactor"/> at <see cref="TotalSteps"/> (then flat).</summary>
public sealed class WarmupLinearSchedule : ILearningRateSchedule
{
    public WarmupLinearSchedule(long warmupSteps, long totalSteps, double endFactor = 0)
    {
        Warmup.Validate(warmupSteps, totalSteps);
        WarmupSteps = warmupSteps;
        TotalSteps = totalSteps;
        EndFactor = endFactor;
    }

    public long WarmupSteps { get; }

    public long TotalSteps { get; }

    public double EndFactor { get; }

    public double Factor(long stepsTaken) =>
        Warmup.InWarmup(stepsTaken, WarmupSteps)
            ? Warmup.Factor(stepsTaken, WarmupSteps)
            : 1 + (EndFactor - 1) * Warmup.Progress(stepsTaken, WarmupSteps, TotalSteps);
}
