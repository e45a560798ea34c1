namespace Edge.Torch.Optim.Schedules;

/// <summary>Linear warm-up, then the full learning rate.</summary>
public sealed class WarmupConstantSchedule : ILearningRateSchedule
{
    public WarmupConstantSchedule(long warmupSteps)
    {
        Warmup.Validate(warmupSteps, warmupSteps);
        WarmupSteps = warmupSteps;
    }

    public long WarmupSteps { get; }

    public double Factor(long stepsTaken) => Warmup.InWarmup(stepsTaken, WarmupSteps) ? Warmup.Factor(stepsTaken, WarmupSteps) : 1;
}
