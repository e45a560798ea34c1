using Edge.Bundles.Files;

namespace Edge.Agent.Updates.Store;

/// <summary>
/// The installed models under <c>&lt;stateDirectory&gt;/models</c>:
/// <c>versions/&lt;version&gt;/</c> holds complete, verified bundles (a folder appears there only by a rename of a fully
/// extracted one), <c>current</c> and <c>previous</c> are symbolic links replaced by rename (so a reader or a power cut
/// sees the old link or the new one, never neither), <c>staging/</c> holds downloads and extractions, and
/// <c>switch.json</c> journals a switch and its probation so the next start can finish or undo it.
/// Until the first over-the-air install, the active model is the configured <c>model.bundle</c>.
/// </summary>
public sealed class ModelStore
{
    private const string CurrentLink = "current";
    private const string PreviousLink = "previous";

    public ModelStore(string stateDirectory)
    {
        Root = Path.Combine(stateDirectory, "models");
        Versions = Path.Combine(Root, "versions");
        Staging = Path.Combine(Root, "staging");
        Journal = new SwitchJournal(Path.Combine(Root, "switch.json"));
        SeedPath = Path.Combine(Root, "seed.txt");
    }

    public string Root { get; }

    public string Versions { get; }

    public string Staging { get; }

    public SwitchJournal Journal { get; }

    /// <summary>Records the configured bundle the links were made beside: a changed <c>model.bundle</c> overrides them.</summary>
    private string SeedPath { get; }

    /// <summary>The folder <c>current</c> points at, or null before any install.</summary>
    public string? Current => Resolve(CurrentLink);

    /// <summary>The folder <c>previous</c> points at, or null.</summary>
    public string? Previous => Resolve(PreviousLink);

    public string VersionFolder(string version) => Path.Combine(Versions, version);

    /// <summary>
    /// The bundle to run: the installed <c>current</c> if it was installed over the configured bundle, else the
    /// configured one (an operator who changes <c>model.bundle</c> means it, so older installs no longer count).
    /// </summary>
    public string ActiveBundle(string configuredBundle)
    {
        var current = Current;
        if (current is null)
        {
            return configuredBundle;
        }
        var seed = File.Exists(SeedPath) ? File.ReadAllText(SeedPath).Trim() : null;
        return string.Equals(seed, Normalize(configuredBundle), StringComparison.Ordinal) ? current : configuredBundle;
    }

    /// <summary>
    /// Points <c>current</c> at <paramref name="target"/> and <c>previous</c> at <paramref name="previous"/>, each by
    /// writing a new link beside the old one and renaming it over (atomic). <c>previous</c> goes first: a crash
    /// between the two leaves the old model current with a correct fallback.
    /// </summary>
    public void Point(string target, string? previous, string configuredBundle)
    {
        Directory.CreateDirectory(Root);
        AtomicFile.WriteAllBytes(SeedPath, System.Text.Encoding.UTF8.GetBytes(Normalize(configuredBundle)), SeedPath + ".tmp");
        if (previous is not null)
        {
            ReplaceLink(PreviousLink, previous);
        }
        ReplaceLink(CurrentLink, target);
    }

    /// <summary>
    /// Makes <paramref name="folder"/> current again after a switch that failed or was rolled back, and ends the
    /// switch's journal: from here on nothing is under way.
    /// </summary>
    public void Restore(string folder, string configuredBundle)
    {
        Point(folder, previous: null, configuredBundle);
        Journal.Delete();
    }

    /// <summary>
    /// Cleans what an interrupted step left: extraction folders and half-made links (downloads stay, to resume),
    /// and a <c>current</c> whose folder vanished falls back to <c>previous</c>.
    /// </summary>
    public void CleanInterrupted()
    {
        if (Directory.Exists(Staging))
        {
            foreach (var folder in Directory.EnumerateDirectories(Staging))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        foreach (var leftover in new[] { CurrentLink, PreviousLink }.Select(l => Path.Combine(Root, l + ".new")))
        {
            if (File.Exists(leftover) || Directory.Exists(leftover) || new FileInfo(leftover).LinkTarget is not null)
            {
                File.Delete(leftover);
            }
        }
        if (LinkTarget(CurrentLink) is { } target && !Directory.Exists(target) && Previous is { } previous)
        {
            ReplaceLink(CurrentLink, previous);
        }
    }

    /// <summary>Deletes installed versions beyond the newest <paramref name="keep"/>, never the current or previous one.</summary>
    public IReadOnlyList<string> CollectGarbage(int keep)
    {
        if (!Directory.Exists(Versions))
        {
            return [];
        }
        var protectedFolders = new[] { Current, Previous }.OfType<string>().Select(Normalize).ToHashSet(StringComparer.Ordinal);
        var removed = new List<string>();
        var byAge = Directory.EnumerateDirectories(Versions).Select(d => new DirectoryInfo(d)).OrderByDescending(d => d.CreationTimeUtc).ToList();
        foreach (var folder in byAge.Skip(keep))
        {
            if (!protectedFolders.Contains(Normalize(folder.FullName)))
            {
                folder.Delete(recursive: true);
                removed.Add(folder.Name);
            }
        }
        return removed;
    }

    private string? Resolve(string link) => LinkTarget(link) is { } target && Directory.Exists(target) ? target : null;

    private string? LinkTarget(string link)
    {
        var path = Path.Combine(Root, link);
        var target = new FileInfo(path).LinkTarget;
        return target is null ? null : Path.GetFullPath(target, Root);
    }

    private void ReplaceLink(string link, string target)
    {
        var path = Path.Combine(Root, link);
        var temporary = path + ".new";
        if (new FileInfo(temporary).LinkTarget is not null || File.Exists(temporary))
        {
            File.Delete(temporary);
        }
        File.CreateSymbolicLink(temporary, Path.GetFullPath(target));
        // rename(2) replaces the old link in one step; File.Move would refuse a link that points at a folder.
        Edge.Agent.Interop.Interop.Libc.Rename(temporary, path);
    }

    /// <summary>Whether two paths name the same folder (after making them absolute; links are not followed).</summary>
    public static bool SameFolder(string? a, string? b) =>
        a is not null && b is not null && string.Equals(Normalize(a), Normalize(b), StringComparison.Ordinal);

    private static string Normalize(string path) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
}
