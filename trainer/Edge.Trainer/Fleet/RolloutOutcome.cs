namespace Edge.Trainer.Fleet;

/// <summary>Where one device stands in a rollout.</summary>
public enum RolloutOutcome
{
    /// <summary>Its wave has not started yet.</summary>
    Waiting,

    /// <summary>The command is out; no final state yet.</summary>
    InProgress,

    /// <summary>The device runs the target version (final state <c>active</c> for our command).</summary>
    Succeeded,

    /// <summary>Refused, failed, rolled back, not delivered or no final state in time; the reason says which.</summary>
    Failed,

    /// <summary>The rollout stopped before this device's wave: it was never sent the command.</summary>
    NotSent,

    /// <summary>The rollout stopped (halted or interrupted) while this device was still working on the command.</summary>
    Unfinished,
}
