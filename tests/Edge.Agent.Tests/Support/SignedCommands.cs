using System.Security.Cryptography;
using System.Text;
using Edge.Fleet;

namespace Edge.Agent.Tests.Support;

/// <summary>Model commands as <c>edge-train</c> sends them: signed for one device of site plant1, as JSON text for mosquitto_pub.</summary>
public static class SignedCommands
{
    /// <summary><paramref name="command"/> signed by <paramref name="key"/> for plant1/<paramref name="device"/>, issued now (or at <paramref name="issuedUtc"/>).</summary>
    public static string Json(ModelCommand command, ECDsa key, string device = "box1", DateTimeOffset? issuedUtc = null, TimeSpan? lifetime = null)
    {
        ArgumentNullException.ThrowIfNull(command);
        var signed = ModelCommandSignature.Sign(command, new FleetTopics("plant1", device), issuedUtc ?? DateTimeOffset.UtcNow, lifetime ?? ModelCommandSignature.DefaultLifetime, key);
        return Encoding.UTF8.GetString(ModelCommandJson.Serialize(signed));
    }

    public static string Report(string id, ECDsa key, string device = "box1", DateTimeOffset? issuedUtc = null, TimeSpan? lifetime = null, string? floor = null) =>
        Json(new ModelCommand { Id = id, Action = ModelAction.Report, IssuedUtc = default, Floor = floor }, key, device, issuedUtc, lifetime);

    public static string Rollback(string id, ECDsa key, string device = "box1", DateTimeOffset? issuedUtc = null, TimeSpan? lifetime = null) =>
        Json(new ModelCommand { Id = id, Action = ModelAction.Rollback, IssuedUtc = default }, key, device, issuedUtc, lifetime);
}
