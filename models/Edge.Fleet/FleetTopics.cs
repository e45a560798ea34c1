namespace Edge.Fleet;

/// <summary>
/// The MQTT topics of one device, all under <c>edge/&lt;site&gt;/&lt;device&gt;/</c>: what the agent publishes and the
/// workstation's rollout and devices commands read and write (documented in models/Edge.Fleet/PROTOCOL.md).
/// </summary>
public sealed record FleetTopics(string Site, string Device)
{
    public const string Prefix = "edge";

    /// <summary>The first level of every reply topic a command may name: the fleet tools' namespace, outside any device's tree.</summary>
    public const string ReplyPrefix = "edge-train";

    public string Root => $"{Prefix}/{Site}/{Device}";

    /// <summary>Retained <c>online</c> / <c>offline</c> (also the last will).</summary>
    public string Status => $"{Root}/status";

    /// <summary>Periodic health JSON.</summary>
    public string Health => $"{Root}/health";

    /// <summary>Model commands (install, rollback, report), QoS 1, MQTT 5 request/response.</summary>
    public string ModelCommand => $"{Root}/cmd/model";

    /// <summary>Where replies go when the command names no usable MQTT 5 response topic (MQTT 3.1.1 clients, or one outside <see cref="IsReplyTopic"/>).</summary>
    public string ModelCommandReply => $"{Root}/cmd/model/reply";

    /// <summary>Retained JSON: the active model version and the update's state and reason.</summary>
    public string ModelState => $"{Root}/model/state";

    /// <summary><c>site/device</c>, as a signed command names its device.</summary>
    public string Name => $"{Site}/{Device}";

    /// <summary>The (site, device) of a topic under <c>edge/&lt;site&gt;/&lt;device&gt;/...</c>, or null.</summary>
    public static FleetTopics? FromTopic(string topic)
    {
        var parts = topic.Split('/');
        return parts.Length >= 4 && parts[0] == Prefix && parts[1].Length > 0 && parts[2].Length > 0 ? new FleetTopics(parts[1], parts[2]) : null;
    }

    /// <summary>The device <c>site/device</c> names (each one MQTT topic level: no '/', '+', '#', spaces or control characters), or null.</summary>
    public static FleetTopics? ParseDevice(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split('/');
        return parts.Length == 2 && parts.All(IsLevel) ? new FleetTopics(parts[0], parts[1]) : null;
    }

    /// <summary>
    /// The reply topic of one run of a fleet tool: <c>edge-train/&lt;tool&gt;/&lt;run&gt;/reply</c>, the only shape
    /// <see cref="IsReplyTopic"/> accepts.
    /// </summary>
    public static string ReplyTopic(string tool, string run)
    {
        var topic = $"{ReplyPrefix}/{tool}/{run}/reply";
        return IsReplyTopic(topic) ? topic : throw new ArgumentException($"'{topic}' is not a reply topic: tool and run must be single topic levels.");
    }

    /// <summary>
    /// True for the MQTT 5 response topics a device answers on: exactly <c>edge-train/&lt;tool&gt;/&lt;run&gt;/reply</c>,
    /// each level non-empty without wildcards, spaces or control characters, at most 256 characters. Anything else,
    /// a device's own tree above all, never receives a reply.
    /// </summary>
    public static bool IsReplyTopic(string? topic)
    {
        if (topic is not { Length: > 0 and <= 256 })
        {
            return false;
        }
        var parts = topic.Split('/');
        return parts.Length == 4 && parts[0] == ReplyPrefix && parts[3] == "reply" && IsLevel(parts[1]) && IsLevel(parts[2]);
    }

    private static bool IsLevel(string level) =>
        level.Length > 0 && !level.Any(c => c is '/' or '+' or '#' || char.IsControl(c) || char.IsWhiteSpace(c));
}
