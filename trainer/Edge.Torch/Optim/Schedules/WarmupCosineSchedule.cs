namespace Edge.Torch.Optim.Schedules;

/// <summary>Linear warm-up, then a half cosine from 1 down to <see cref="MinFactor"/> at <see cref="WarmupSchedule.TotalSteps"/> (then flat).</summary>
public sealed class WarmupCosineSchedule(long warmupSteps, long totalSteps, double minFactor = 0) : WarmupSchedule(warmupSteps, totalSteps)
{
    public double MinFactor { get; } = minFactor;

    protected override double Decay(double progress) => MinFactor + (1 - MinFactor) * 0.5 * (1 + Math.Cos(Math.PI * progress));
}
