namespace Edge.Agent.Mqtt;

/// <summary>The agent's topics, all under <c>edge/&lt;site&gt;/&lt;device&gt;/</c>.</summary>
public sealed record MqttTopics(string Site, string Device)
{
    public const string Online = "online";

    public const string Offline = "offline";

    public string Root => $"edge/{Site}/{Device}";

    /// <summary>Retained <c>online</c> / <c>offline</c> (also the last will).</summary>
    public string Status => $"{Root}/status";

    /// <summary>Periodic health JSON.</summary>
    public string Health => $"{Root}/health";

    public string Alarms(string camera) => $"{Root}/alarms/{camera}";
}
