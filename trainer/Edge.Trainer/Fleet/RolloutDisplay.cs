namespace Edge.Trainer.Fleet;

/// <summary>How <see cref="RolloutTable"/> shows a rollout.</summary>
public enum RolloutDisplay
{
    /// <summary>A table redrawn in place (interactive terminal).</summary>
    Live,

    /// <summary>One line per change, then the final table (redirected output).</summary>
    Lines,

    /// <summary>Nothing while it runs, then one JSON line per device.</summary>
    Json,
}
