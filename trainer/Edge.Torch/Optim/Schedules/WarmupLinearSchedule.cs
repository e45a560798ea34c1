namespace Edge.Torch.Optim.Schedules;

/// <summary>Linear warm-up, then a straight line from 1 to <see cref="EndFactor"/> at <see cref="WarmupSchedule.TotalSteps"/> (then flat).</summary>
public sealed class WarmupLinearSchedule(long warmupSteps, long totalSteps, double endFactor = 0) : WarmupSchedule(warmupSteps, totalSteps)
{
    public double EndFactor { get; } = endFactor;

    protected override double Decay(double progress) => 1 + (EndFactor - 1) * progress;
}
