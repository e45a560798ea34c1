namespace Edge.Agent.Updates.Download;

/// <summary>What the staging folder may hold: downloads (each counted once, whatever files it has) and bytes.</summary>
public sealed record StagingLimits(int MaxDownloads, long MaxBytes);
