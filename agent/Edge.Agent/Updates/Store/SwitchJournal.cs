using System.Text.Json;
using Edge.Bundles.Files;

namespace Edge.Agent.Updates.Store;

/// <summary>
/// <c>switch.json</c>: written (fsync'd, renamed into place) before <c>current</c> changes and kept through probation,
/// so a start after a crash knows a switch was under way, to which version, and how often the agent has started since.
/// </summary>
public sealed class SwitchJournal
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public SwitchJournal(string path) => Path = path;

    public string Path { get; }

    public SwitchRecord? Read()
    {
        if (!File.Exists(Path))
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize<SwitchRecord>(File.ReadAllBytes(Path), Json);
        }
        catch (JsonException)
        {
            // Written by rename, so never half; an unreadable one is not ours to trust: treat as no switch.
            return null;
        }
    }

    public void Write(SwitchRecord record)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        AtomicFile.WriteAllBytes(Path, JsonSerializer.SerializeToUtf8Bytes(record, Json), Path + ".tmp");
    }

    public void Delete() => File.Delete(Path);
}

/// <summary>One switch: from which folder to which, and where it got to.</summary>
public sealed record SwitchRecord
{
    public required string FromFolder { get; init; }

    public required string? FromVersion { get; init; }

    /// <summary>The new version's folder; empty while <see cref="SwitchPhase.Preparing"/>.</summary>
    public required string ToFolder { get; init; }

    public required string ToVersion { get; init; }

    public required string CommandId { get; init; }

    public required SwitchPhase Phase { get; init; }

    /// <summary>When probation ends (set when the switch is made).</summary>
    public DateTimeOffset ProbationUntilUtc { get; init; }

    /// <summary>Agent starts since the switch; counts crashes during probation.</summary>
    public int Starts { get; init; }
}

public enum SwitchPhase
{
    /// <summary>An install is downloading, verifying or validating; the target folder is not known yet.</summary>
    Preparing,

    /// <summary>Journalled, <c>current</c> maybe not yet replaced.</summary>
    Switching,

    /// <summary><c>current</c> is the new version, which must stay healthy until <see cref="SwitchRecord.ProbationUntilUtc"/>.</summary>
    Probation,
}
