namespace Edge.Agent.Configuration;

/// <summary>Over-the-air model updates (agent/UPDATES.md): whom to trust, and the limits and windows of each step.</summary>
public sealed record UpdatesConfig
{
    /// <summary>Paths of PEM public keys; only bundles signed by one of them are installed. Empty: updates are refused.</summary>
    public IReadOnlyList<string> TrustedKeys { get; init; } = [];

    /// <summary>Commands issued further than this from the device's clock, or seen before within it, are refused.</summary>
    public double ReplayWindowMinutes { get; init; } = 60;

    public double MaxArchiveMegabytes { get; init; } = 512;

    public double DownloadTimeoutSeconds { get; init; } = 600;

    /// <summary>Installed versions kept on disk (the active and previous ones always are).</summary>
    public int KeepVersions { get; init; } = 3;

    /// <summary>Downloads kept in staging to resume, the one under way included; the least recently written go first.</summary>
    public int MaxStagedDownloads { get; init; } = 4;

    /// <summary>Space the staged downloads may take (the one under way is never removed to make room).</summary>
    public double MaxStagingMegabytes { get; init; } = 2048;

    public Updates.Download.StagingLimits StagingLimits => new(MaxStagedDownloads, (long)(MaxStagingMegabytes * 1024 * 1024));

    /// <summary>After a switch, the new model must keep the pipeline healthy this long or it is rolled back.</summary>
    public double ProbationSeconds { get; init; } = 60;

    /// <summary>A golden-input detection slower than this fails validation; 0 = no budget.</summary>
    public double LatencyBudgetMs { get; init; }

    /// <summary>Agent starts during probation after which the new model is taken for the cause and rolled back.</summary>
    public int ProbationMaxRestarts { get; init; } = 2;

    /// <summary>The optional shadow run before the switch; off unless <see cref="ShadowConfig.Seconds"/> is set.</summary>
    public ShadowConfig Shadow { get; init; } = new();

    internal static UpdatesConfig Read(ConfigReader r)
    {
        var config = new UpdatesConfig
        {
            TrustedKeys = TrustedKeyFiles.Read(r, "trustedKeys"),
            ReplayWindowMinutes = r.Double("replayWindowMinutes", 60, 1, 7 * 24 * 60),
            MaxArchiveMegabytes = r.Double("maxArchiveMegabytes", 512, 1, 64 * 1024),
            DownloadTimeoutSeconds = r.Double("downloadTimeoutSeconds", 600, 1, 86_400),
            KeepVersions = r.Int("keepVersions", 3, 2, 100),
            MaxStagedDownloads = r.Int("maxStagedDownloads", 4, 1, 1000),
            MaxStagingMegabytes = r.Double("maxStagingMegabytes", 2048, 1, 1024 * 1024),
            ProbationSeconds = r.Double("probationSeconds", 60, 0, 86_400),
            LatencyBudgetMs = r.Double("latencyBudgetMs", 0, 0, 60_000),
            ProbationMaxRestarts = r.Int("probationMaxRestarts", 2, 1, 100),
            Shadow = r.Object("shadow") is { } shadow ? ShadowConfig.Read(shadow) : new ShadowConfig(),
        };
        r.RejectUnknownKeys();
        return config;
    }
}
