namespace Edge.Fleet;

/// <summary>
/// Which devices a rollout targets: <c>site/device</c> where either level may be the MQTT single-level wildcard
/// <c>+</c> (<c>plant1/box1</c>, <c>plant1/+</c>, <c>+/+</c>).
/// </summary>
public sealed record DeviceFilter(string Site, string Device)
{
    public const string Any = "+";

    public static DeviceFilter Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split('/');
        if (parts.Length != 2 || parts.Any(p => p.Length == 0 || (p != Any && p.Any(c => c is '+' or '#' or ' ' || char.IsControl(c)))))
        {
            throw new FormatException($"'{text}' is not a device filter: write site/device, either of them may be '+' (plant1/box1, plant1/+, +/+).");
        }
        return new DeviceFilter(parts[0], parts[1]);
    }

    /// <summary>The MQTT topic filter of one per-device topic (e.g. <c>status</c>) for every device this filter matches.</summary>
    public string TopicFilter(string leaf) => $"{FleetTopics.Prefix}/{Site}/{Device}/{leaf}";

    public bool Matches(string site, string device) => (Site == Any || Site == site) && (Device == Any || Device == device);

    public override string ToString() => $"{Site}/{Device}";
}
