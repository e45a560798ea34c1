using System.Text.Json;

namespace Edge.Agent.Health;

/// <summary>The health message's JSON: camelCase keys of <see cref="HealthReport"/>, cameras by name.</summary>
public static class HealthJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static byte[] Serialize(HealthReport report) => JsonSerializer.SerializeToUtf8Bytes(report, Options);
}
