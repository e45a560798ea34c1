namespace Edge.Torch.Optim.Schedules;

/// <summary>Linear warm-up, then the full learning rate.</summary>
public sealed class WarmupConstantSchedule(long warmupSteps) : WarmupSchedule(warmupSteps, warmupSteps)
{
    protected override double Decay(double progress) => 1;
}
