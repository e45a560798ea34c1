namespace Edge.Fleet;

/// <summary>
/// The MQTT topics of one device, all under <c>edge/&lt;site&gt;/&lt;device&gt;/</c>: what the agent publishes and the
/// workstation's rollout and devices commands read and write (documented in models/Edge.Fleet/PROTOCOL.md).
/// </summary>
public sealed record FleetTopics(string Site, string Device)
{
    public const string Prefix = "edge";

    public string Root => $"{Prefix}/{Site}/{Device}";

    /// <summary>Retained <c>online</c> / <c>offline</c> (also the last will).</summary>
    public string Status => $"{Root}/status";

    /// <summary>Periodic health JSON.</summary>
    public string Health => $"{Root}/health";

    /// <summary>Model commands (install, rollback, report), QoS 1, MQTT 5 request/response.</summary>
    public string ModelCommand => $"{Root}/cmd/model";

    /// <summary>Where replies go when the command has no MQTT 5 response topic (MQTT 3.1.1 clients).</summary>
    public string ModelCommandReply => $"{Root}/cmd/model/reply";

    /// <summary>Retained JSON: the active model version and the update's state and reason.</summary>
    public string ModelState => $"{Root}/model/state";

    /// <summary>The (site, device) of a topic under <c>edge/&lt;site&gt;/&lt;device&gt;/...</c>, or null.</summary>
    public static FleetTopics? FromTopic(string topic)
    {
        var parts = topic.Split('/');
        return parts.Length >= 4 && parts[0] == Prefix && parts[1].Length > 0 && parts[2].Length > 0 ? new FleetTopics(parts[1], parts[2]) : null;
    }
}
