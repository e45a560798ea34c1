namespace Edge.Trainer.Fleet;

/// <summary>One row of a rollout: what is known about one targeted device at one moment.</summary>
/// <param name="Wave">1-based wave the device belongs to.</param>
/// <param name="Active">The version the device last said it runs (any model state, not only ours).</param>
/// <param name="State">What the rollout shows: <c>waiting</c>, <c>sent</c>, <c>accepted</c>, the device's own state
/// for our command (<c>downloading</c> ... <c>active</c>, <c>failed</c>, <c>rolled-back</c>), or <c>refused</c>,
/// <c>not delivered</c>, <c>timed out</c>, <c>not sent</c>, <c>unfinished</c>.</param>
public sealed record RolloutDeviceStatus(
    string Site, string Device, int Wave, string? CommandId, string? Active, string State, string? Reason, RolloutOutcome Outcome)
{
    public string Name => $"{Site}/{Device}";

    public bool IsFinal => Outcome is not (RolloutOutcome.Waiting or RolloutOutcome.InProgress);
}
