using System.Text.Json;

namespace Edge.Agent.Updates;

/// <summary>
/// Refuses model commands seen before (by id) or issued outside the replay window, so a recorded or retained
/// command cannot be played again. The ids seen within the window are kept in a file, so a restart does not
/// forget them; older ones are dropped (the window alone refuses those). Not thread-safe: one caller at a time.
/// </summary>
public sealed class ReplayGuard
{
    private readonly string _path;
    private readonly TimeSpan _window;
    private readonly TimeProvider _time;
    private readonly Dictionary<string, DateTimeOffset> _seen;

    public ReplayGuard(string path, TimeSpan window, TimeProvider? time = null)
    {
        _path = path;
        _window = window;
        _time = time ?? TimeProvider.System;
        _seen = Load(path);
    }

    /// <summary>Null when the command may run (and is now remembered); otherwise why not.</summary>
    public string? Admit(string id, DateTimeOffset issuedUtc)
    {
        var now = _time.GetUtcNow();
        if (issuedUtc < now - _window || issuedUtc > now + _window)
        {
            return $"the command was issued at {issuedUtc:O}, outside the replay window of {_window.TotalMinutes:0.#} minutes around this device's clock ({now:O})";
        }
        if (_seen.ContainsKey(id))
        {
            return $"the command id '{id}' was already received: replayed commands are refused";
        }
        foreach (var old in _seen.Where(p => p.Value < now - _window).Select(p => p.Key).ToList())
        {
            _seen.Remove(old);
        }
        _seen[id] = issuedUtc;
        Save();
        return null;
    }

    private void Save()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(_path))!);
        var temporary = _path + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            JsonSerializer.Serialize(stream, _seen);
            stream.Flush(flushToDisk: true);
        }
        File.Move(temporary, _path, overwrite: true);
    }

    private static Dictionary<string, DateTimeOffset> Load(string path)
    {
        if (!File.Exists(path))
        {
            return new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        }
        try
        {
            return new Dictionary<string, DateTimeOffset>(
                JsonSerializer.Deserialize<Dictionary<string, DateTimeOffset>>(File.ReadAllBytes(path)) ?? [], StringComparer.Ordinal);
        }
        catch (JsonException)
        {
            // A damaged file cannot vouch for anything: start empty; the replay window still refuses old commands.
            return new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        }
    }
}
