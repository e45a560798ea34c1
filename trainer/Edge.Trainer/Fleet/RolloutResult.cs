using System.Globalization;

namespace Edge.Trainer.Fleet;

/// <summary>How a rollout ended: every targeted device's last row, and why it stopped early if it did.</summary>
/// <param name="Devices">In rollout order (site, then device).</param>
/// <param name="WavesSent">How many waves had their commands sent.</param>
/// <param name="StopReason">Why the rollout stopped before its last wave or before every device was final; null otherwise.</param>
public sealed record RolloutResult(string Version, IReadOnlyList<RolloutDeviceStatus> Devices, int Waves, int WavesSent, string? StopReason)
{
    /// <summary>True when every targeted device ended active on <see cref="Version"/>.</summary>
    public bool Succeeded => Devices.Count > 0 && Devices.All(d => d.Outcome == RolloutOutcome.Succeeded);

    /// <summary>One line: counts, then why it stopped and the first failure with its reason.</summary>
    public string Summary()
    {
        var active = Devices.Count(d => d.Outcome == RolloutOutcome.Succeeded);
        if (Succeeded)
        {
            return string.Create(CultureInfo.InvariantCulture, $"rollout of {Version} done: {active} of {Devices.Count} device(s) active on {Version} in {Waves} wave(s)");
        }
        var counts = new List<string> { $"{active} of {Devices.Count} device(s) active on {Version}" };
        foreach (var (outcome, label) in new[] { (RolloutOutcome.Failed, "failed"), (RolloutOutcome.Unfinished, "unfinished"), (RolloutOutcome.NotSent, "not sent") })
        {
            var n = Devices.Count(d => d.Outcome == outcome);
            if (n > 0)
            {
                counts.Add(string.Create(CultureInfo.InvariantCulture, $"{n} {label}"));
            }
        }
        var line = $"rollout of {Version} failed: {string.Join(", ", counts)}";
        if (StopReason is not null)
        {
            line += $"; {StopReason}";
        }
        if (Devices.FirstOrDefault(d => d.Outcome == RolloutOutcome.Failed) is { } first)
        {
            line += $"; first failure {first.Name}: {first.Reason ?? first.State}";
        }
        return line;
    }
}
