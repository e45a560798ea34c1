namespace Edge.Agent.Cameras.Supervision;

/// <summary>Capped exponential backoff: initial, initial × factor, initial × factor², … never above the cap.</summary>
public sealed record ReconnectBackoff
{
    public ReconnectBackoff(TimeSpan initial, TimeSpan maximum, double factor = 2)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(initial, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(maximum, initial);
        if (!(factor >= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(factor), factor, "The backoff factor must be at least 1.");
        }
        Initial = initial;
        Maximum = maximum;
        Factor = factor;
    }

    public TimeSpan Initial { get; }

    public TimeSpan Maximum { get; }

    public double Factor { get; }

    /// <summary>The wait after the <paramref name="failures"/>-th consecutive failure (1 for the first).</summary>
    public TimeSpan DelayAfter(int failures)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failures, 1);
        // Computed in doubles so that large failure counts saturate at the cap instead of overflowing.
        var ticks = Initial.Ticks * Math.Pow(Factor, failures - 1);
        return ticks >= Maximum.Ticks ? Maximum : TimeSpan.FromTicks((long)ticks);
    }
}
