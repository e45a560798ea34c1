using System.Text.Json;
using Edge.Bundles.Files;
using Edge.Bundles.Versioning;

namespace Edge.Agent.Updates;

/// <summary>
/// The lowest version any command may install or roll back to: the higher of <c>updates.minimumVersion</c> and the
/// floor signed commands raised, kept in <c>&lt;stateDirectory&gt;/updates/floor.json</c> (written atomically) so a
/// restart keeps it. It only rises; lowering it takes someone at the device (editing the file or the config). The
/// agent's own recovery (a rollback during probation) is not a command and is never stopped by it. A file that
/// cannot be read vouches for nothing: every install and rollback is refused until it is mended or removed.
/// Thread-safe.
/// </summary>
public sealed class VersionFloor
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly string _path;
    private readonly SemanticVersion? _configured;
    private readonly Lock _gate = new();
    private Stored? _stored;
    private readonly string? _problem;

    /// <param name="path">Where raised floors are kept.</param>
    /// <param name="configured">updates.minimumVersion (validated by the config reader), or null.</param>
    public VersionFloor(string path, string? configured)
    {
        _path = path;
        _configured = configured is null ? null : SemanticVersion.Parse(configured);
        try
        {
            _stored = File.Exists(path) ? Read(path) : null;
        }
        catch (Exception e) when (e is JsonException or FormatException or IOException or UnauthorizedAccessException)
        {
            _problem = $"the version floor in {path} cannot be read ({e.Message}): installs and rollbacks are refused until it is mended or removed";
        }
    }

    /// <summary>The floor in force, or null when there is none.</summary>
    public SemanticVersion? Current
    {
        get
        {
            lock (_gate)
            {
                var stored = _stored is null ? null : SemanticVersion.Parse(_stored.Floor);
                return stored is null || (_configured is not null && _configured >= stored) ? _configured : stored;
            }
        }
    }

    /// <summary>
    /// Null when a command may leave <paramref name="target"/> active; otherwise why not. An unknown version
    /// (null) is refused while a floor is set: nothing shows it is at or above it.
    /// </summary>
    /// <param name="what">What the command would do, for the reason: "install 1.2.0", "roll back to 1.1.0".</param>
    public string? Refusal(SemanticVersion? target, string what)
    {
        if (_problem is not null)
        {
            return _problem;
        }
        if (Current is not { } floor || (target is not null && target >= floor))
        {
            return null;
        }
        var version = target is null ? "a model whose version is unknown" : $"version {target}";
        return $"{what} is refused: {version} is below this device's version floor {floor} ({Source(floor)}), which no command goes under, forced or not";
    }

    /// <summary>Raises the floor to <paramref name="floor"/> on a signed command's word; a floor at or below the current one changes nothing.</summary>
    /// <returns>True when the floor rose.</returns>
    /// <exception cref="UpdateException">The floor file cannot be read or written.</exception>
    public bool Raise(SemanticVersion floor, string commandId)
    {
        ArgumentNullException.ThrowIfNull(floor);
        if (_problem is not null)
        {
            throw new UpdateException(_problem);
        }
        lock (_gate)
        {
            if (Current is { } current && current >= floor)
            {
                return false;
            }
            var stored = new Stored(floor.ToString(), commandId, DateTimeOffset.UtcNow);
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(_path))!);
                AtomicFile.WriteAllBytes(_path, JsonSerializer.SerializeToUtf8Bytes(stored, Json), _path + ".tmp");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new UpdateException($"the version floor cannot be raised to {floor}: {e.Message}", e);
            }
            _stored = stored;
            return true;
        }
    }

    private string Source(SemanticVersion floor)
    {
        lock (_gate)
        {
            return _stored is { } stored && SemanticVersion.Parse(stored.Floor) == floor ? $"raised by command {stored.CommandId}" : "updates.minimumVersion";
        }
    }

    private static Stored Read(string path)
    {
        var stored = JsonSerializer.Deserialize<Stored>(File.ReadAllBytes(path), Json) ?? throw new FormatException("it holds null");
        return SemanticVersion.TryParse(stored.Floor, out _) ? stored : throw new FormatException($"'{stored.Floor}' is not a semantic version");
    }

    private sealed record Stored(string Floor, string CommandId, DateTimeOffset RaisedUtc);
}
