namespace Edge.Torch.Optim.Schedules;

/// <summary>Linear warm-up, then a half cosine from 1 down to <see cref="MinFactor"/> at <see cref="TotalSteps"/> (then flat).</summary>
public sealed class WarmupCosineSchedule : ILearningRateSchedule
{
    public WarmupCosineSchedule(long warmupSteps, long totalSteps, double minFactor = 0)
    {
        Warmup.Validate(warmupSteps, totalSteps);
        WarmupSteps = warmupSteps;
        TotalSteps = totalSteps;
        MinFactor = minFactor;
    }

    public long WarmupSteps { get; }

    public long TotalSteps { get; }

    public double MinFactor { get; }

    public double Factor(long stepsTaken)
    {
        if (Warmup.InWarmup(stepsTaken, WarmupSteps))
        {
            return Warmup.Factor(stepsTaken, WarmupSteps);
        }
        var progress = Warmup.Progress(stepsTaken, WarmupSteps, TotalSteps);
        return MinFactor + (1 - MinFactor) * 0.5 * (1 + Math.Cos(Math.PI * progress));
    }
}
