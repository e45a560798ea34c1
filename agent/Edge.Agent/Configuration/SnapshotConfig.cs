namespace Edge.Agent.Configuration;

/// <summary>Alarm snapshots: a JPEG of the frame with the heatmap over it, kept under a disk quota.</summary>
public sealed record SnapshotConfig
{
    public bool Enabled { get; init; } = true;

    /// <summary>Disk space all snapshots may take together; the oldest are deleted first.</summary>
    public double QuotaMegabytes { get; init; } = 1024;

    public int JpegQuality { get; init; } = 85;

    internal static SnapshotConfig Read(ConfigReader r)
    {
        var config = new SnapshotConfig
        {
            Enabled = r.Bool("enabled", true),
            QuotaMegabytes = r.Double("quotaMegabytes", 1024, 0.01, 1 << 20),
            JpegQuality = r.Int("jpegQuality", 85, 10, 100),
        };
        r.RejectUnknownKeys();
        return config;
    }
}
