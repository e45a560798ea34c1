using System.Globalization;

namespace Edge.Agent.Hosting;

/// <summary>systemd's watchdog as passed in <c>WATCHDOG_USEC</c> (and <c>WATCHDOG_PID</c>, when set, must be this process).</summary>
public sealed record WatchdogSettings(TimeSpan Timeout)
{
    /// <summary>Ping at half the timeout, as sd_watchdog_enabled(3) recommends.</summary>
    public TimeSpan PingInterval => Timeout / 2;

    /// <summary>The watchdog systemd asked for, or null when none (or it is meant for another process).</summary>
    public static WatchdogSettings? FromEnvironment() => Parse(
        Environment.GetEnvironmentVariable("WATCHDOG_USEC"),
        Environment.GetEnvironmentVariable("WATCHDOG_PID"),
        Environment.ProcessId);

    public static WatchdogSettings? Parse(string? microseconds, string? pid, int processId)
    {
        if (!long.TryParse(microseconds, NumberStyles.None, CultureInfo.InvariantCulture, out var usec) || usec <= 0)
        {
            return null;
        }
        if (!string.IsNullOrEmpty(pid) && pid != processId.ToString(CultureInfo.InvariantCulture))
        {
            return null;
        }
        return new WatchdogSettings(TimeSpan.FromTicks(usec * TimeSpan.TicksPerMicrosecond));
    }
}
