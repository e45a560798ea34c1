using System.Globalization;
using Edge.Trainer.Commands;

namespace Edge.Trainer.Fleet;

/// <summary>
/// How a rollout is split into waves (<c>--waves 1,10%,100%</c>). A plain number is how many more devices the wave
/// takes; a percentage is the cumulative share of the fleet sent the command once the wave is out, rounded up, and
/// every wave takes at least one device more than the previous ones. The last step must be <c>100%</c> so that
/// every device is targeted; waves left empty because the fleet is small are dropped.
/// </summary>
public sealed class WavePlan
{
    private WavePlan(IReadOnlyList<WaveStep> steps) => Steps = steps;

    public IReadOnlyList<WaveStep> Steps { get; }

    /// <exception cref="UserInputException">The text is not a valid list of waves; the message says which entry and why.</exception>
    public static WavePlan Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var steps = new List<WaveStep>();
        decimal lastPercent = 0;
        foreach (var raw in text.Split(','))
        {
            var entry = raw.Trim();
            var step = ParseStep(entry, text);
            if (step.IsPercent)
            {
                if (step.Value <= lastPercent)
                {
                    throw Bad(text, $"'{entry}' does not go beyond the {lastPercent.ToString(CultureInfo.InvariantCulture)}% before it (percentages are cumulative)");
                }
                lastPercent = step.Value;
            }
            else if (lastPercent == 100)
            {
                throw Bad(text, $"'{entry}' comes after 100%, when no device is left");
            }
            steps.Add(step);
        }
        if (steps[^1] is not { IsPercent: true, Value: 100 })
        {
            throw Bad(text, "the last wave must be 100%, so that every matching device is targeted");
        }
        return new WavePlan(steps);
    }

    /// <summary>The size of each wave for a fleet of <paramref name="devices"/>; sizes add up to it, none is zero.</summary>
    public IReadOnlyList<int> Sizes(int devices)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(devices);
        var sizes = new List<int>();
        var sent = 0;
        foreach (var step in Steps)
        {
            if (sent == devices)
            {
                break;
            }
            var wanted = step.IsPercent
                ? (int)Math.Ceiling(step.Value * devices / 100m) - sent
                : (int)step.Value;
            var size = Math.Clamp(wanted, 1, devices - sent);
            sizes.Add(size);
            sent += size;
        }
        return sizes;
    }

    /// <summary>Splits <paramref name="devices"/>, in the order given, into the waves of <see cref="Sizes"/>.</summary>
    public IReadOnlyList<IReadOnlyList<T>> Assign<T>(IReadOnlyList<T> devices)
    {
        ArgumentNullException.ThrowIfNull(devices);
        var waves = new List<IReadOnlyList<T>>();
        var start = 0;
        foreach (var size in Sizes(devices.Count))
        {
            waves.Add(devices.Skip(start).Take(size).ToList());
            start += size;
        }
        return waves;
    }

    public override string ToString() => string.Join(",", Steps);

    private static WaveStep ParseStep(string entry, string text)
    {
        if (entry.EndsWith('%'))
        {
            if (!decimal.TryParse(entry[..^1], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var percent) || percent is <= 0 or > 100)
            {
                throw Bad(text, $"'{entry}' is not a percentage above 0% and at most 100%");
            }
            return new WaveStep(percent, IsPercent: true);
        }
        if (!int.TryParse(entry, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count < 1)
        {
            throw Bad(text, $"'{entry}' is neither a number of devices (1 or more) nor a percentage like 10%");
        }
        return new WaveStep(count, IsPercent: false);
    }

    private static UserInputException Bad(string text, string why) =>
        new($"--waves '{text}': {why}; write e.g. 1,10%,100% (one device, then up to 10% of the fleet, then the rest).");
}
