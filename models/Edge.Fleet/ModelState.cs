using System.Text.Json;
using System.Text.Json.Serialization;

namespace Edge.Fleet;

/// <summary>
/// The retained message on <see cref="FleetTopics.ModelState"/>: the version running, what the update is doing and why.
/// <see cref="State"/> is one of <see cref="ModelStates"/>.
/// </summary>
public sealed record ModelState
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The version running now; null before any bundle is installed.</summary>
    public string? Active { get; init; }

    public required string State { get; init; }

    /// <summary>Why the state is what it is (a refusal, a failed check, a rollback); null when there is nothing to say.</summary>
    public string? Reason { get; init; }

    /// <summary>The version an update is working on, if any.</summary>
    public string? Target { get; init; }

    /// <summary>The command this state answers, if any.</summary>
    public string? CommandId { get; init; }

    public string? Previous { get; init; }

    /// <summary>The device's version floor: no command installs or rolls back to a version below it; null when none.</summary>
    public string? Floor { get; init; }

    public required DateTimeOffset TimeUtc { get; init; }

    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, Json);

    /// <exception cref="JsonException">Not a model state.</exception>
    public static ModelState Parse(ReadOnlySpan<byte> json) =>
        JsonSerializer.Deserialize<ModelState>(json, Json) ?? throw new JsonException("null is not a model state");
}
