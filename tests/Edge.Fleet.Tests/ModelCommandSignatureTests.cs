using System.Text;
using Edge.Bundles.Signing;

namespace Edge.Fleet.Tests;

public sealed class ModelCommandSignatureTests : IDisposable
{
    private static readonly FleetTopics Box1 = new("plant1", "box1");
    private static readonly DateTimeOffset Issued = new(2026, 12, 3, 23, 50, 0, 123, TimeSpan.Zero);
    private readonly System.Security.Cryptography.ECDsa _key = SigningKeys.Generate();
    private readonly TrustedKeys _trusted = new();

    public ModelCommandSignatureTests() => _trusted.Add(SigningKeys.ImportPublicKey(SigningKeys.PublicKeyPem(_key), "test"));

    private static ModelCommand Install => new()
    {
        Id = "r1-box1",
        Action = ModelAction.Install,
        IssuedUtc = Issued,
        Version = "1.4.0",
        Urls = [new Uri("http://models.local/edge-1.4.0.zip"), new Uri("https://backup.local/edge-1.4.0.zip")],
        Sha256 = new string('a', 64),
        Size = 1234,
        Floor = "1.2.0",
    };

    public void Dispose()
    {
        _key.Dispose();
        _trusted.Dispose();
    }

    [Fact]
    public void The_signed_bytes_are_the_documented_lines_in_their_fixed_order()
    {
        var signed = ModelCommandSignature.Sign(Install, Box1, Issued, TimeSpan.FromMinutes(15), _key);

        Assert.Equal(
            "edge-model-command/1\ndevice:plant1/box1\nid:r1-box1\naction:install\nissuedUtc:2026-12-03T23:50:00.1230000Z\n"
            + "expiresUtc:2026-12-04T00:05:00.1230000Z\nversion:1.4.0\nurl:http://models.local/edge-1.4.0.zip\nurl:https://backup.local/edge-1.4.0.zip\n"
            + "sha256:" + new string('a', 64) + "\nsize:1234\nforce:false\nfloor:1.2.0\n",
            Encoding.UTF8.GetString(ModelCommandSignature.CanonicalBytes(signed)));
        Assert.Equal(
            "edge-model-command/1\ndevice:plant1/box1\nid:b1\naction:rollback\nissuedUtc:2026-12-03T23:50:00.1230000Z\nexpiresUtc:\nversion:\nsha256:\nsize:\nforce:false\nfloor:\n",
            Encoding.UTF8.GetString(ModelCommandSignature.CanonicalBytes(new ModelCommand { Id = "b1", Action = ModelAction.Rollback, IssuedUtc = Issued, Device = "plant1/box1" })));
    }

    [Fact]
    public void A_signed_command_verifies_after_a_round_trip_through_its_json_and_the_json_carries_the_signature()
    {
        var signed = ModelCommandSignature.Sign(Install, Box1, Issued.AddTicks(4321), TimeSpan.FromMinutes(15), _key);

        var json = ModelCommandJson.Serialize(signed);
        var parsed = ModelCommandJson.Parse(json);

        Assert.Null(ModelCommandSignature.Refusal(parsed, Box1, _trusted, Issued.AddMinutes(1)));
        Assert.Equal(Issued, parsed.IssuedUtc);
        Assert.Equal("plant1/box1", parsed.Device);
        Assert.Equal(SigningKeys.KeyId(_key), parsed.Signature!.KeyId);
        Assert.Contains("\"signature\":{\"keyId\":\"", Encoding.UTF8.GetString(json), StringComparison.Ordinal);
    }

    [Fact]
    public void Changing_any_signed_field_after_signing_breaks_the_signature()
    {
        var signed = ModelCommandSignature.Sign(Install, Box1, Issued, TimeSpan.FromMinutes(15), _key);
        var changes = new ModelCommand[]
        {
            signed with { Id = "r2-box1" },
            signed with { Action = ModelAction.Rollback },
            signed with { IssuedUtc = Issued.AddSeconds(1) },
            signed with { ExpiresUtc = signed.ExpiresUtc!.Value.AddDays(1) },
            signed with { Version = "1.0.0" },
            signed with { Urls = [new Uri("http://evil.local/edge-1.4.0.zip")] },
            signed with { Urls = [signed.Urls[0]] },
            signed with { Sha256 = new string('b', 64) },
            signed with { Size = 1235 },
            signed with { Force = true },
            signed with { Floor = null },
        };

        Assert.All(changes, changed => Assert.Equal("the command's signature does not match its content (changed or forged)",
            ModelCommandSignature.Refusal(changed, Box1, _trusted, Issued.AddMinutes(1))));
    }

    [Fact]
    public void An_unsigned_command_one_for_another_device_one_by_an_unknown_key_and_an_expired_one_are_each_refused_with_their_reason()
    {
        using var stranger = SigningKeys.Generate();
        var signed = ModelCommandSignature.Sign(Install, Box1, Issued, TimeSpan.FromMinutes(15), _key);

        Assert.Contains("not signed", ModelCommandSignature.Refusal(Install, Box1, _trusted, Issued), StringComparison.Ordinal);
        Assert.Equal("the command is signed for device plant1/box1, not this one (plant1/box2)",
            ModelCommandSignature.Refusal(signed, new FleetTopics("plant1", "box2"), _trusted, Issued));
        Assert.Contains("which this device does not trust for commands",
            ModelCommandSignature.Refusal(ModelCommandSignature.Sign(Install, Box1, Issued, TimeSpan.FromMinutes(15), stranger), Box1, _trusted, Issued), StringComparison.Ordinal);
        Assert.Equal("the command expired at 2026-12-04T00:05:00.123Z (this device's clock: 2026-12-04T00:05:00.123Z)",
            ModelCommandSignature.Refusal(signed, Box1, _trusted, signed.ExpiresUtc!.Value));
        // The device named in the signed bytes, not the topic the command came on, decides: moved to another device's name it no longer verifies.
        Assert.Contains("does not match", ModelCommandSignature.Refusal(signed with { Device = "plant1/box2" }, new FleetTopics("plant1", "box2"), _trusted, Issued), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"id":"a","action":"report","issuedUtc":"2026-12-03T00:00:00Z","signature":"x"}""", "signature must be an object")]
    [InlineData("""{"id":"a","action":"report","issuedUtc":"2026-12-03T00:00:00Z","signature":{"keyId":"ab","value":""}}""", "signature.keyId must be 64")]
    [InlineData("""{"id":"a","action":"report","issuedUtc":"2026-12-03T00:00:00Z","signature":{"keyId":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa","value":"AAAA"}}""", "signature.value must be the base64 of 64 bytes")]
    [InlineData("""{"id":"a","action":"report","issuedUtc":"2026-12-03T00:00:00Z","signature":{"keyId":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa","value":"AAAA","extra":1}}""", "unknown key 'signature.extra'")]
    [InlineData("""{"id":"a","action":"report","issuedUtc":"2026-12-03T00:00:00Z","device":"plant1/+"}""", "device must be site/device")]
    [InlineData("""{"id":"a","action":"report","issuedUtc":"2026-12-03T00:00:00Z","expiresUtc":"soon"}""", "expiresUtc must be an ISO 8601 time")]
    [InlineData("""{"id":"a","action":"rollback","issuedUtc":"2026-12-03T00:00:00Z","floor":"1.0.0"}""", "floor goes with install or report")]
    [InlineData("""{"id":"a","action":"report","issuedUtc":"2026-12-03T00:00:00Z","floor":"one"}""", "floor must be a semantic version")]
    [InlineData("""{"id":"a","action":"install","issuedUtc":"2026-12-03T00:00:00Z","version":"1.0.0","urls":["http://h/x.zip"],"sha256":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa","size":5,"floor":"2.0.0"}""", "floor 2.0.0 is above the version 1.0.0")]
    [InlineData("""{"id":"a","action":"install","issuedUtc":"2026-12-03T00:00:00Z","version":"1.0","urls":["http://h/x.zip"],"sha256":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa","size":5}""", "version must be a semantic version")]
    [InlineData("""{"id":"a","action":"install","issuedUtc":"2026-12-03T00:00:00Z","version":"1.0.0","urls":["http://h/x.zip\nurl:http://evil/x.zip"],"sha256":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa","size":5}""", "is not an http or https address")]
    public void A_malformed_signature_device_expiry_or_floor_is_refused_with_its_reason(string json, string reason)
    {
        var error = Assert.Throws<ModelCommandException>(() => ModelCommandJson.Parse(Encoding.UTF8.GetBytes(json)));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("edge-train/rollout/r20261203-1/reply", true)]
    [InlineData("edge-train/ops/x/reply", true)]
    [InlineData("edge/plant1/box1/alarms/line1", false)]
    [InlineData("edge/plant1/box1/cmd/model/reply", false)]
    [InlineData("edge-train/rollout/reply", false)]
    [InlineData("edge-train/rollout/a/b/reply", false)]
    [InlineData("edge-train/rollout/+/reply", false)]
    [InlineData("edge-train/rollout/#", false)]
    [InlineData("edge-train//x/reply", false)]
    [InlineData("edge-train/rollout/a b/reply", false)]
    [InlineData("", false)]
    public void Only_a_fleet_tool_s_reply_topic_is_a_reply_topic(string topic, bool accepted) =>
        Assert.Equal(accepted, FleetTopics.IsReplyTopic(topic));
}
