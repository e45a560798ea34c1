namespace Edge.Bundles.Archives;

/// <summary>What an extracted bundle archive may hold at most.</summary>
public sealed record ArchiveLimits
{
    public long MaxTotalBytes { get; init; } = 2L << 30;

    public int MaxEntries { get; init; } = 64;
}
