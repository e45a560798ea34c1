namespace Edge.Torch.Optim.Schedules;

/// <summary>The linear warm-up shared by the schedules: (s + 1) / warmupSteps for the first warmupSteps steps.</summary>
internal static class Warmup
{
    public static bool InWarmup(long stepsTaken, long warmupSteps) => stepsTaken < warmupSteps;

    public static double Factor(long stepsTaken, long warmupSteps) => (stepsTaken + 1) / (double)warmupSteps;

    /// <summary>Progress through the post-warm-up phase, 0 to 1.</summary>
    public static double Progress(long stepsTaken, long warmupSteps, long totalSteps) =>
        Math.Clamp((stepsTaken - warmupSteps) / (double)Math.Max(1, totalSteps - warmupSteps), 0, 1);

    public static void Validate(long warmupSteps, long totalSteps)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(warmupSteps);
        if (totalSteps < warmupSteps)
        {
            throw new ArgumentOutOfRangeException(nameof(totalSteps), totalSteps, $"total steps must be at least the {warmupSteps} warm-up steps");
        }
    }
}
