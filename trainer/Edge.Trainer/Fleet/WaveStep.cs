using System.Globalization;

namespace Edge.Trainer.Fleet;

/// <summary>
/// One entry of <c>--waves</c>: either a number of devices for this wave (<c>1</c>, <c>5</c>) or the cumulative share
/// of the fleet that has been sent the command once this wave is out (<c>10%</c>, <c>100%</c>).
/// </summary>
/// <param name="Value">Devices (a whole number of at least 1) or a percentage in (0, 100].</param>
public readonly record struct WaveStep(decimal Value, bool IsPercent)
{
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture) + (IsPercent ? "%" : "");
}
