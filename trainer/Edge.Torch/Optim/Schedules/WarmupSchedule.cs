namespace Edge.Torch.Optim.Schedules;

/// <summary>
/// A linear warm-up, (s + 1) / <see cref="WarmupSteps"/> for the first steps, then a decay shape over the steps
/// up to <see cref="TotalSteps"/> (flat after). Subclasses give the shape as a function of progress 0..1.
/// </summary>
public abstract class WarmupSchedule : ILearningRateSchedule
{
    protected WarmupSchedule(long warmupSteps, long totalSteps)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(warmupSteps);
        if (totalSteps < warmupSteps)
        {
            throw new ArgumentOutOfRangeException(nameof(totalSteps), totalSteps, $"total steps must be at least the {warmupSteps} warm-up steps");
        }
        WarmupSteps = warmupSteps;
        TotalSteps = totalSteps;
    }

    public long WarmupSteps { get; }

    public long TotalSteps { get; }

    public double Factor(long stepsTaken)
    {
        if (stepsTaken < WarmupSteps)
        {
            return (stepsTaken + 1) / (double)WarmupSteps;
        }
        var progress = Math.Clamp((stepsTaken - WarmupSteps) / (double)Math.Max(1, TotalSteps - WarmupSteps), 0, 1);
        return Decay(progress);
    }

    /// <summary>The factor after warm-up, from 1 at <paramref name="progress"/> 0 to its end value at 1.</summary>
    protected abstract double Decay(double progress);
}
