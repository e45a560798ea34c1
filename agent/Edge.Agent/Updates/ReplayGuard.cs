namespace Edge.Agent.Updates;

/// <summary>
/// Refuses model commands seen before (by id) or issued outside the replay window, so a recorded or retained
/// command cannot be played again. The ids seen within the window are kept in a file (<see cref="SeenCommandLog"/>:
/// appended per command, compacted now and then), so a restart does not forget them; older ones are dropped (the
/// window alone refuses those). Not thread-safe: one caller at a time.
/// </summary>
public sealed class ReplayGuard
{
    private readonly SeenCommandLog _log;
    private readonly TimeSpan _window;
    private readonly TimeProvider _time;
    private readonly Dictionary<string, DateTimeOffset> _seen;

    public ReplayGuard(string path, TimeSpan window, TimeProvider? time = null)
    {
        _log = new SeenCommandLog(path);
        _window = window;
        _time = time ?? TimeProvider.System;
        _seen = _log.Load();
    }

    /// <summary>Null when the command may run (and is now remembered, on disk before this returns); otherwise why not.</summary>
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
        if (_log.CompactionDue(_seen.Count))
        {
            _log.Compact(_seen);
        }
        else
        {
            _log.Append(id, issuedUtc);
        }
        return null;
    }

    /// <summary>
    /// Forgets an admitted id whose command was not taken after all (the device was busy): the sender may send it
    /// again. Rare, so the file is compacted rather than given a second kind of line.
    /// </summary>
    public void Withdraw(string id)
    {
        if (_seen.Remove(id))
        {
            _log.Compact(_seen);
        }
    }
}
