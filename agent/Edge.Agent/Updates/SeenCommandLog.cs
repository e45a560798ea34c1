using System.Globalization;
using System.Text;
using System.Text.Json;
using Edge.Bundles.Files;

namespace Edge.Agent.Updates;

/// <summary>
/// The file behind <see cref="ReplayGuard"/>: one line per admitted command, <c>&lt;issuedUtc&gt; &lt;id&gt;</c>, appended and
/// flushed to disk (fsync) before the command runs, so a command costs one short write, not a rewrite of every id.
/// Now and then the file is compacted: the ids still in the window are written to a new file that replaces it
/// atomically. A line that does not read (the torn last line of a kill -9 in the middle of an append) is ignored and
/// dropped by a compaction at load. A file of the earlier form (one JSON object of ids) is read and rewritten.
/// Not thread-safe: one caller at a time.
/// </summary>
internal sealed class SeenCommandLog
{
    /// <summary>Compaction is due once the file has this many lines more than twice the live ids (so rarely, and cheaply).</summary>
    private const int CompactionSlack = 256;

    private readonly string _path;

    public SeenCommandLog(string path) => _path = path;

    /// <summary>Lines in the file, live or expired.</summary>
    public int Lines { get; private set; }

    /// <summary>Reads the ids recorded; rewrites the file if it held a line that did not read or the earlier form.</summary>
    public Dictionary<string, DateTimeOffset> Load()
    {
        var seen = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        if (!File.Exists(_path))
        {
            return seen;
        }
        var text = File.ReadAllText(_path, Encoding.UTF8);
        var clean = text.TrimStart().StartsWith('{') ? ReadEarlierForm(text, seen) : ReadLines(text, seen);
        if (clean)
        {
            Lines = seen.Count;
        }
        else
        {
            Compact(seen);
        }
        return seen;
    }

    /// <summary>Appends one id and flushes it to disk.</summary>
    public void Append(string id, DateTimeOffset issuedUtc)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(_path))!);
        using (var stream = new FileStream(_path, FileMode.Append, FileAccess.Write, FileShare.Read))
        {
            stream.Write(Encoding.UTF8.GetBytes(Line(id, issuedUtc)));
            stream.Flush(flushToDisk: true);
        }
        Lines++;
    }

    /// <summary>Whether the file has grown enough beyond <paramref name="live"/> ids to be worth compacting.</summary>
    public bool CompactionDue(int live) => Lines > 2 * live + CompactionSlack;

    /// <summary>Replaces the file, atomically, by one holding exactly <paramref name="seen"/>.</summary>
    public void Compact(IReadOnlyDictionary<string, DateTimeOffset> seen)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(_path))!);
        var content = new StringBuilder();
        foreach (var (id, issuedUtc) in seen.OrderBy(p => p.Value))
        {
            content.Append(Line(id, issuedUtc));
        }
        AtomicFile.WriteAllBytes(_path, Encoding.UTF8.GetBytes(content.ToString()), _path + ".tmp");
        Lines = seen.Count;
    }

    private static string Line(string id, DateTimeOffset issuedUtc) =>
        issuedUtc.UtcDateTime.ToString("O", CultureInfo.InvariantCulture) + " " + id + "\n";

    /// <returns>Whether every line read and the file ended with its last line's newline.</returns>
    private static bool ReadLines(string text, Dictionary<string, DateTimeOffset> seen)
    {
        // A last line without its newline was torn by a crash: even a part that reads would be a cut id.
        var clean = text.Length == 0 || text.EndsWith('\n');
        var complete = clean ? text : text[..(text.LastIndexOf('\n') + 1)];
        foreach (var line in complete.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            if (space > 0 && space < line.Length - 1
                && DateTimeOffset.TryParseExact(line[..space], "O", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var issuedUtc))
            {
                seen[line[(space + 1)..]] = issuedUtc;
            }
            else
            {
                clean = false;
            }
        }
        return clean;
    }

    /// <returns>False: a file of the earlier form is always rewritten in the new one.</returns>
    private static bool ReadEarlierForm(string text, Dictionary<string, DateTimeOffset> seen)
    {
        try
        {
            foreach (var (id, issuedUtc) in JsonSerializer.Deserialize<Dictionary<string, DateTimeOffset>>(text) ?? [])
            {
                seen[id] = issuedUtc;
            }
        }
        catch (JsonException)
        {
            // A damaged file cannot vouch for anything: start empty; the replay window still refuses old commands.
        }
        return false;
    }
}
