namespace Edge.Agent.Cameras.Supervision;

/// <summary>How one camera session ended.</summary>
/// <param name="Reason">Why, in an operator's words.</param>
/// <param name="Streamed">How long frames flowed (zero when none came).</param>
/// <param name="Stalled">True when the stall watchdog ended it.</param>
/// <param name="Permanent">True when retrying cannot help.</param>
internal readonly record struct SessionOutcome(string Reason, TimeSpan Streamed, bool Stalled = false, bool Permanent = false);
