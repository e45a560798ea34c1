namespace Edge.Agent.Health;

/// <summary>The agent's health at one moment, published as JSON on <c>.../health</c>.</summary>
public sealed record HealthReport
{
    public required DateTime Time { get; init; }

    public required string State { get; init; }

    public required double UptimeSeconds { get; init; }

    /// <summary>Frames processed per second, all cameras together.</summary>
    public required double Fps { get; init; }

    public double? InferenceP50Ms { get; init; }

    public double? InferenceP99Ms { get; init; }

    public required long DroppedFrames { get; init; }

    public required long OutboxDepth { get; init; }

    /// <summary>Alarms evicted from a full outbox since it was created (lost to subscribers).</summary>
    public required long OutboxEvicted { get; init; }

    public string? ModelVersion { get; init; }

    public string? ExecutionProvider { get; init; }

    public required IReadOnlyDictionary<string, CameraHealthEntry> Cameras { get; init; }
}
