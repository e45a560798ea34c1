namespace Edge.Agent.Updates.Download;

/// <summary>
/// Keeps the staging folder within <see cref="StagingLimits"/>. Partial downloads are kept so an interrupted install
/// resumes, but a fleet that moves on leaves the ones never retried: before a download starts, the downloads left by
/// earlier installs (the files of one SHA-256: <c>.zip.part</c>, <c>.zip</c>, <c>.chunks</c>) are removed, least
/// recently written first, until together with the one starting there are at most <c>MaxDownloads</c> and the
/// others take at most <c>MaxBytes</c> less the new one's size. The one starting is never removed; folders
/// (extractions, cleaned at start) are left alone.
/// </summary>
public static class StagingBounds
{
    /// <param name="starting">The SHA-256 of the download about to start (or resume).</param>
    /// <param name="startingSize">Its size if the command names it, else what it already has on disk counts.</param>
    /// <returns>The SHA-256 of each download removed, oldest first.</returns>
    public static IReadOnlyList<string> Apply(string staging, string starting, long? startingSize, StagingLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        if (!Directory.Exists(staging))
        {
            return [];
        }
        var downloads = new DirectoryInfo(staging).EnumerateFiles()
            .GroupBy(f => f.Name.Split('.')[0], StringComparer.Ordinal)
            .Select(g => (Sha256: g.Key, Files: g.ToList(), Bytes: g.Sum(f => f.Length), Written: g.Max(f => f.LastWriteTimeUtc)))
            .ToList();
        var startingBytes = startingSize ?? downloads.Where(d => d.Sha256 == starting).Sum(d => d.Bytes);
        var others = downloads.Where(d => d.Sha256 != starting).OrderBy(d => d.Written).ToList();
        var othersBytes = others.Sum(d => d.Bytes);
        var removed = new List<string>();
        foreach (var download in others)
        {
            if (others.Count - removed.Count + 1 <= limits.MaxDownloads && othersBytes <= limits.MaxBytes - startingBytes)
            {
                break;
            }
            foreach (var file in download.Files)
            {
                file.Delete();
            }
            othersBytes -= download.Bytes;
            removed.Add(download.Sha256);
        }
        return removed;
    }
}
