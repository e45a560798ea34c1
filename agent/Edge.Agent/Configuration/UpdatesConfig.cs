using Edge.Bundles.Versioning;

namespace Edge.Agent.Configuration;

/// <summary>Over-the-air model updates (agent/UPDATES.md): whom to trust, and the limits and windows of each step.</summary>
public sealed record UpdatesConfig
{
    /// <summary>Paths of PEM public keys; only bundles signed by one of them are installed. Empty: updates are refused.</summary>
    public IReadOnlyList<string> TrustedKeys { get; init; } = [];

    /// <summary>
    /// Paths of PEM public keys whose signatures on model commands are accepted; empty: those of
    /// <see cref="TrustedKeys"/>. No key at all: every command is refused.
    /// </summary>
    public IReadOnlyList<string> CommandKeys { get; init; } = [];

    /// <summary>The keys commands are verified with: <see cref="CommandKeys"/>, or <see cref="TrustedKeys"/> when none are listed.</summary>
    public IReadOnlyList<string> EffectiveCommandKeys => CommandKeys.Count > 0 ? CommandKeys : TrustedKeys;

    /// <summary>The lowest version any command may install or roll back to (a floor a signed command can raise, never lower); null: none.</summary>
    public string? MinimumVersion { get; init; }

    /// <summary>The hosts (<c>host</c> or <c>host:port</c>) archives may be downloaded from, redirects included; empty: none (only <c>mqtt-chunks:</c>).</summary>
    public IReadOnlyList<string> ArchiveHosts { get; init; } = [];

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
            CommandKeys = TrustedKeyFiles.Read(r, "commandKeys"),
            MinimumVersion = Version(r, "minimumVersion"),
            ArchiveHosts = Hosts(r),
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

    private static List<string> Hosts(ConfigReader r) => r.Array("archiveHosts")
        .Select(item => item.Item?.GetValueKind() == System.Text.Json.JsonValueKind.String
            ? ArchiveHostList.EntryProblem(item.Item.GetValue<string>()) is { } problem ? Reject(r, item.Path, problem) : item.Item.GetValue<string>()
            : Reject(r, item.Path, "must be a host name or address, optionally with :port (a string)"))
        .Where(h => h.Length > 0).ToList();

    private static string? Version(ConfigReader r, string key)
    {
        var text = r.String(key);
        if (text is null || SemanticVersion.TryParse(text, out _))
        {
            return text;
        }
        r.Problem(key, "must be a semantic version (1.4.0, 2.0.0-rc.1)");
        return null;
    }

    private static string Reject(ConfigReader r, string path, string problem)
    {
        r.ProblemAt(path, problem);
        return "";
    }
}
