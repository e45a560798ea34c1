namespace Edge.Agent.Alarms;

/// <summary>
/// The <c>reason</c> of an alarm's <c>end</c> when no frame ended it (an alarm ended by its frames has none), so that
/// a subscriber is never left with a start and no end.
/// </summary>
public static class AlarmEndReasons
{
    /// <summary>The agent was stopped (SIGTERM, host shutdown, a failed pipeline) while the alarm was open.</summary>
    public const string AgentStopped = "agent stopped";

    /// <summary>The agent died with the alarm open (kill -9, power cut) and this start found it open in the outbox.</summary>
    public const string AgentRestarted = "agent restarted";
}
