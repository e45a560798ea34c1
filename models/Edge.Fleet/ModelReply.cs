using System.Text.Json;

namespace Edge.Fleet;

/// <summary>The immediate answer to a command (MQTT 5 response topic, or <see cref="FleetTopics.ModelCommandReply"/>).</summary>
public sealed record ModelReply(string Id, bool Accepted, string? Reason)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, Json);

    public static ModelReply Parse(ReadOnlySpan<byte> json) =>
        JsonSerializer.Deserialize<ModelReply>(json, Json) ?? throw new JsonException("null is not a reply");
}
