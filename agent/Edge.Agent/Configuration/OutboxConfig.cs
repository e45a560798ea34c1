namespace Edge.Agent.Configuration;

/// <summary>The durable store of alarms not yet acknowledged by the broker.</summary>
public sealed record OutboxConfig
{
    /// <summary>Most messages kept; when full the oldest is evicted (and counted) to make room.</summary>
    public int MaxMessages { get; init; } = 10_000;

    /// <summary>The SQLite file; relative paths are under the state directory.</summary>
    public string File { get; init; } = "outbox.db";

    internal static OutboxConfig Read(ConfigReader r)
    {
        var config = new OutboxConfig
        {
            MaxMessages = r.Int("maxMessages", 10_000, 1, 10_000_000),
            File = r.String("file") ?? "outbox.db",
        };
        r.RejectUnknownKeys();
        return config;
    }
}
