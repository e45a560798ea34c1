using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using CsCheck;
using Edge.Fleet;

namespace Edge.Agent.Tests.Support;

/// <summary>
/// Model commands for plant1/box1 that a device must refuse, generated (CsCheck) from well-formed signed commands:
/// random bytes and text, invalid UTF-8, unsigned, signed by a stranger or for another device, expired, outside the
/// replay window, a signed field changed afterwards, a control character in a text field, a signature with a bit flipped or made up, and random byte edits
/// of a signed command; each with a random retain flag and response topic (the device's own tree among them). None
/// is the signed command it was made from.
/// </summary>
public sealed class MalformedCommands
{
    private static readonly FleetTopics Device = new("plant1", "box1");

    private static readonly string[] ResponseTopics =
    [
        "edge/plant1/box1/alarms/line1", "edge/plant1/box1/status", "edge/plant1/box1/model/state", "edge/plant1/box1/cmd/model",
        "edge/plant1/box2/cmd/model/reply", "edge-train/rollout/r1/reply", "edge-train/rollout/r1/reply/x", "edge-train/x/reply", "fleet/replies/r", "x",
    ];

    private readonly ECDsa _key;
    private readonly ECDsa _stranger;

    /// <param name="key">The device's command key: what it would accept, before the damage.</param>
    /// <param name="stranger">A key the device does not trust.</param>
    public MalformedCommands(ECDsa key, ECDsa stranger)
    {
        _key = key;
        _stranger = stranger;
    }

    /// <param name="wildcardTopics">Also response topics with wildcards and empty ones (a broker refuses to pass those on).</param>
    public Gen<FuzzCase> Cases(bool wildcardTopics = true)
    {
        var topics = wildcardTopics ? [.. ResponseTopics, "edge-train/#", "edge-train/+/+/reply", "#", ""] : ResponseTopics;
        var responseTopic = Gen.Frequency((2, Gen.Const((string?)null)), (2, Gen.OneOf<string?>([.. topics])),
            (1, Gen.Char["abcedg-/+#rplytain$ "].Array[1, 40].Select(a => (string?)new string(a))));
        if (!wildcardTopics)
        {
            responseTopic = responseTopic.Where(t => t is null || (t.Length > 0 && !t.Contains('+', StringComparison.Ordinal) && !t.Contains('#', StringComparison.Ordinal)));
        }
        return from kind in Payloads()
               from retained in Gen.Int[0, 9].Select(i => i == 0)
               from topic in responseTopic
               select new FuzzCase(kind.Kind, kind.Payload, retained, topic);
    }

    private Gen<(string Kind, byte[] Payload)> Payloads() => Gen.Frequency(
        (2, Gen.Byte.Array[0, 600].Select(b => ("random bytes", b))),
        (2, Gen.Char["{}[]\":,.0123456789abcdefinstalrpoUtcvuz -\\\u00e9\u2028"].Array[0, 300].Select(c => ("random text", Encoding.UTF8.GetBytes(new string(c))))),
        (2, Signed().Select(c => ("unsigned", Json(c.Command with { Signature = null })))),
        (2, Unsigned().Select(c => ("signed by a stranger", Json(Sign(c, _stranger))))),
        (2, Unsigned().Select(c => ("signed for another device", Json(ModelCommandSignature.Sign(c, new FleetTopics("plant1", "box2"), DateTimeOffset.UtcNow, TimeSpan.FromMinutes(15), _key))))),
        (2, Unsigned().Select(c => ("expired", Json(ModelCommandSignature.Sign(c, Device, DateTimeOffset.UtcNow.AddMinutes(-20), TimeSpan.FromMinutes(15), _key))))),
        (2, Unsigned().Select(c => ("issued long ago", Json(ModelCommandSignature.Sign(c, Device, new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero), TimeSpan.FromDays(7300), _key))))),
        (1, Unsigned().Select(c => ("issued in the future", Json(ModelCommandSignature.Sign(c, Device, DateTimeOffset.UtcNow.AddHours(3), TimeSpan.FromDays(1), _key))))),
        (6, from c in Signed() from field in Gen.Int[0, 10] select ("signed field changed", Changed(c.Json, field))),
        (2, from c in Signed() from key in Gen.OneOf("id", "device", "version", "sha256", "floor") from control in Gen.Char['\0', '\u001f']
            select ("a control character in a field", Replace(c.Json, key, JsonValue.Create("1.0.0" + control + "x")))),
        (3, from c in Signed() from bit in Gen.Int[0, (CommandSignature.ValueBytes * 8) - 1] select ("signature bit flipped", Json(c.Command with
        {
            Signature = c.Command.Signature! with { Value = Flip(c.Command.Signature.Value, bit) },
        }))),
        (2, from c in Signed() from value in Gen.Byte.Array[0, 80] from keyId in Gen.Char["0123456789abcdefG"].Array[0, 70]
            select ("signature made up", Replace(c.Json, "signature", new JsonObject { ["keyId"] = new string(keyId), ["value"] = Convert.ToBase64String(value) }))),
        (6, (from c in Signed() from edits in Edit().Array[1, 4] select (c, edits))
            .Where(x => !IsOriginal(x.c, Apply(x.c.Json, x.edits)))
            .Select(x => ("signed command edited byte by byte", Apply(x.c.Json, x.edits)))));

    private Gen<ModelCommand> Unsigned() =>
        from id in Gen.Char["abcxyz0129-_."].Array[1, 24]
        from action in Gen.OneOf(ModelAction.Install, ModelAction.Rollback, ModelAction.Report)
        from version in Gen.OneOf("1.0.0", "2.0.0", "0.9.0", "3.1.4-rc.1")
        from force in Gen.Bool
        from floor in Gen.Bool
        select action switch
        {
            ModelAction.Install => new ModelCommand
            {
                Id = new string(id), Action = action, IssuedUtc = default, Version = version, Urls = [new Uri("http://models.local/edge.zip")],
                Sha256 = new string('a', 64), Size = 1234, Force = force, Floor = floor ? "0.5.0" : null,
            },
            ModelAction.Report => new ModelCommand { Id = new string(id), Action = action, IssuedUtc = default, Floor = floor ? "0.5.0" : null },
            _ => new ModelCommand { Id = new string(id), Action = action, IssuedUtc = default },
        };

    /// <summary>A command the device would accept, and its JSON.</summary>
    private Gen<(ModelCommand Command, byte[] Json)> Signed() => Unsigned().Select(c =>
    {
        var signed = Sign(c, _key);
        return (signed, Json(signed));
    });

    private static ModelCommand Sign(ModelCommand command, ECDsa key) =>
        ModelCommandSignature.Sign(command, Device, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(15), key);

    private static byte[] Json(ModelCommand command) => ModelCommandJson.Serialize(command);

    /// <summary>One signed field given another meaning (never the same one in another spelling).</summary>
    private static byte[] Changed(byte[] json, int field)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        var action = node["action"]!.GetValue<string>();
        switch (field)
        {
            case 0: node["id"] = node["id"]!.GetValue<string>() + "x"; break;
            case 1: node["action"] = action == "report" ? "rollback" : "report"; break;
            case 2: node["device"] = "plant1/box2"; break;
            case 3: node["issuedUtc"] = ModelCommandJson.Time(DateTimeOffset.Parse(node["issuedUtc"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture).AddSeconds(-1)); break;
            case 4: node["expiresUtc"] = ModelCommandJson.Time(DateTimeOffset.Parse(node["expiresUtc"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture).AddDays(1)); break;
            case 5: node["version"] = "9.9.9"; break;
            case 6: node["urls"] = new JsonArray("http://evil.local/edge.zip"); break;
            case 7: node["sha256"] = new string('b', 64); break;
            case 8: node["size"] = 4321; break;
            case 9: node["force"] = !(node["force"]?.GetValue<bool>() ?? false); break;
            default:
                if (node.ContainsKey("floor"))
                {
                    node.Remove("floor");
                }
                else
                {
                    node["floor"] = "0.1.0";
                }
                break;
        }
        return Encoding.UTF8.GetBytes(node.ToJsonString());
    }

    private static byte[] Replace(byte[] json, string key, JsonNode value)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        node[key] = value;
        return Encoding.UTF8.GetBytes(node.ToJsonString());
    }

    private static byte[] Flip(byte[] value, int bit)
    {
        var copy = value.ToArray();
        copy[bit / 8] ^= (byte)(1 << (bit % 8));
        return copy;
    }

    /// <summary>Replace, insert or delete one byte at a position given as a share of the length (0..1).</summary>
    private static Gen<(int Kind, double At, byte Value)> Edit() =>
        from kind in Gen.Int[0, 2] from at in Gen.Double[0, 1] from value in Gen.Byte select (kind, at, value);

    private static byte[] Apply(byte[] json, (int Kind, double At, byte Value)[] edits)
    {
        var bytes = json.ToList();
        foreach (var (kind, at, value) in edits)
        {
            var i = Math.Min((int)(at * bytes.Count), Math.Max(bytes.Count - 1, 0));
            switch (kind)
            {
                case 0 when bytes.Count > 0: bytes[i] = value; break;
                case 1: bytes.Insert(i, value); break;
                case 2 when bytes.Count > 0: bytes.RemoveAt(i); break;
            }
        }
        return [.. bytes];
    }

    /// <summary>An edit that leaves the same command (the same signed bytes and signature, say in a base64 padding bit) is no malformed command.</summary>
    private static bool IsOriginal((ModelCommand Command, byte[] Json) original, byte[] edited)
    {
        try
        {
            var parsed = ModelCommandJson.Parse(edited);
            return ModelCommandSignature.CanonicalBytes(parsed).AsSpan().SequenceEqual(ModelCommandSignature.CanonicalBytes(original.Command))
                && parsed.Signature is { } signature && signature.KeyId == original.Command.Signature!.KeyId
                && signature.Value.AsSpan().SequenceEqual(original.Command.Signature.Value);
        }
        catch (ModelCommandException)
        {
            return false;
        }
    }
}

/// <summary>One generated command: what kind of damage it has, its bytes and the MQTT properties it is sent with.</summary>
public sealed record FuzzCase(string Kind, byte[] Payload, bool Retained, string? ResponseTopic)
{
    public override string ToString() =>
        $"{Kind}{(Retained ? ", retained" : "")}, response topic {ResponseTopic ?? "(none)"}: {Encoding.UTF8.GetString(Payload)} [{Convert.ToHexString(Payload.AsSpan(0, Math.Min(Payload.Length, 64)))}]";
}
