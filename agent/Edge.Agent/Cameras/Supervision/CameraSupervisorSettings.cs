using Edge.Agent.Cameras.Health;

namespace Edge.Agent.Cameras.Supervision;

/// <summary>How a camera is kept running: reconnect backoff, stall detection, queue depth, health checks.</summary>
public sealed record CameraSupervisorSettings
{
    /// <summary>Wait after the first lost session; doubled after each further loss up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(30);

    public double BackoffFactor { get; init; } = 2;

    /// <summary>A session (opening included) that delivers no frame for this long is stalled and restarted.</summary>
    public TimeSpan StallTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>A session that streamed this long counts as stable: the backoff starts again from <see cref="InitialBackoff"/>.</summary>
    public TimeSpan StableAfter { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Give up (state Failed) after this many lost sessions in a row; null retries for ever.</summary>
    public int? MaxConsecutiveFailures { get; init; }

    /// <summary>Frames queued for the consumer before the oldest is dropped.</summary>
    public int QueueCapacity { get; init; } = 4;

    /// <summary>Health checks; null turns them off.</summary>
    public CameraHealthSettings? Health { get; init; } = new();

    public ReconnectBackoff Backoff => new(InitialBackoff, MaxBackoff, BackoffFactor);

    /// <summary>Throws with the name of the first bad setting.</summary>
    public void Validate()
    {
        Require(InitialBackoff >= TimeSpan.Zero, nameof(InitialBackoff), "must not be negative");
        Require(MaxBackoff >= InitialBackoff, nameof(MaxBackoff), "must be at least InitialBackoff");
        Require(BackoffFactor >= 1, nameof(BackoffFactor), "must be at least 1");
        Require(StallTimeout > TimeSpan.Zero, nameof(StallTimeout), "must be positive");
        Require(StableAfter >= TimeSpan.Zero, nameof(StableAfter), "must not be negative");
        Require(MaxConsecutiveFailures is null or >= 1, nameof(MaxConsecutiveFailures), "must be at least 1");
        Require(QueueCapacity >= 1, nameof(QueueCapacity), "must be at least 1");
        Health?.Validate();
    }

    private static void Require(bool ok, string name, string rule)
    {
        if (!ok)
        {
            throw new ArgumentException($"Camera setting {name} {rule}.", name);
        }
    }
}
