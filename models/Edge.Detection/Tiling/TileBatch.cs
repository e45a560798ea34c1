namespace Edge.Detection.Tiling;

/// <summary>How many tiles of a frame go through the graphs per run (the batch dimension N a tiled scorer binds).</summary>
public static class TileBatch
{
    /// <summary>
    /// The tiles per run for a frame of <paramref name="tiles"/> tiles: as few runs as <paramref name="maxBatch"/>
    /// allows, the tiles shared evenly among them, so the last run wastes at most one slot per run (17 tiles at most
    /// 16 a run: two runs of 9, not 16 and 1; the graphs' bound shape is fixed, so a short run costs a full one).
    /// </summary>
    public static int For(int tiles, int maxBatch)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(tiles, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatch, 1);
        var runs = (tiles + maxBatch - 1) / maxBatch;
        return (tiles + runs - 1) / runs;
    }
}
