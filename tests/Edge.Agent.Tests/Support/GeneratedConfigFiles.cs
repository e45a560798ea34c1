using System.Text;
using System.Text.Json.Nodes;
using CsCheck;

namespace Edge.Agent.Tests.Support;

/// <summary>
/// agent.json texts, generated (CsCheck) from one valid file with every section the updates rules read: random bytes
/// and text, byte edits, a key's value replaced by a random JSON value, a key removed, an unknown key added, and
/// random <c>updates</c> entries (command keys, archive hosts, version floors) of any shape.
/// </summary>
public static class GeneratedConfigFiles
{
    /// <summary>
    /// Real public key files for <see cref="Valid"/>: the reader loads every listed key (a missing file or a private key
    /// is refused), so the valid file must name keys that are there. Left in the temp folder for the test run.
    /// </summary>
    private static readonly string KeyFolder = WriteKeys();

    public static readonly string Valid = $$"""
        { "site": "plant1", "device": "box1", "stateDirectory": "/var/lib/edge-agent",
          "mqtt": { "host": "127.0.0.1", "port": 1883, "protocol": "5", "keepAliveSeconds": 30 },
          "model": { "bundle": "/path/to/bundle" },
          "http": { "port": 8080, "bind": "127.0.0.1" },
          "alarms": { "holdSeconds": 1, "cooldownSeconds": 5, "hysteresis": 0.05 },
          "updates": { "trustedKeys": ["{{Json(Path.Combine(KeyFolder, "trusted.pem"))}}"], "commandKeys": ["{{Json(Path.Combine(KeyFolder, "command.pem"))}}"], "minimumVersion": "1.0.0",
                       "archiveHosts": ["models.local", "10.0.0.5:8443", "[::1]:8080"], "replayWindowMinutes": 60, "maxArchiveMegabytes": 512 },
          "cameras": [ { "name": "line1", "ffmpeg": "-re -i clip.mp4", "threshold": 0.5 } ] }
        """;

    private static string WriteKeys()
    {
        var folder = Directory.CreateTempSubdirectory("edge-config-keys-").FullName;
        foreach (var name in new[] { "trusted.pem", "command.pem" })
        {
            using var key = Edge.Bundles.Signing.SigningKeys.Generate();
            File.WriteAllText(Path.Combine(folder, name), Edge.Bundles.Signing.SigningKeys.PublicKeyPem(key));
        }
        return folder;
    }

    private static string Json(string text) => System.Text.Json.JsonSerializer.Serialize(text)[1..^1];

    /// <summary>The paths of <see cref="Valid"/>'s values a case may change.</summary>
    private static readonly string[][] Paths =
    [
        ["site"], ["device"], ["stateDirectory"], ["mqtt"], ["mqtt", "host"], ["mqtt", "port"], ["mqtt", "protocol"], ["model"], ["model", "bundle"],
        ["http", "port"], ["alarms", "holdSeconds"], ["updates"], ["updates", "trustedKeys"], ["updates", "commandKeys"], ["updates", "minimumVersion"],
        ["updates", "archiveHosts"], ["updates", "replayWindowMinutes"], ["updates", "maxArchiveMegabytes"], ["cameras"], ["cameras", "0"],
    ];

    private static readonly Gen<string> Text = Gen.Char["abz09.:-_/[]*@?# \t\u00e9\u0000\u202e%"].Array[0, 30].Select(c => new string(c));

    private static readonly Gen<string> Version = Gen.OneOf(Gen.Const("1.0.0"), Gen.Const("01.0.0"), Gen.Const("1.0"), Gen.Const("v1.0.0"),
        Gen.Const("1.0.0-"), Gen.Const("99999999999999999999.0.0"), Gen.Const("1.0.0+build"), Text);

    private static readonly Gen<string> Host = Gen.OneOf(Gen.Const("models.local"), Gen.Const("models.local:0"), Gen.Const("models.local:65536"),
        Gen.Const("http://models.local"), Gen.Const("*.local"), Gen.Const("::1"), Gen.Const("[::1"), Gen.Const("[::1]:x"), Gen.Const("127.1"),
        Gen.Const("xn--nxasmq6b"), Gen.Const("a..b"), Text);

    /// <summary>Any JSON value, nested a little.</summary>
    private static readonly Gen<JsonNode?> Value = Gen.Recursive<JsonNode?>((depth, inner) => Gen.Frequency(
        (3, Text.Select(s => (JsonNode?)JsonValue.Create(s))),
        (2, Gen.Double.Select(d => double.IsFinite(d) ? (JsonNode?)JsonValue.Create(d) : JsonValue.Create(-1))),
        (2, Gen.Long.Select(l => (JsonNode?)JsonValue.Create(l))),
        (1, Gen.Bool.Select(b => (JsonNode?)JsonValue.Create(b))),
        (1, Gen.Const((JsonNode?)null)),
        (depth < 3 ? 2 : 0, inner.Array[0, 4].Select(a => (JsonNode?)new JsonArray(a.Select(n => n?.DeepClone()).ToArray()))),
        (depth < 3 ? 1 : 0, (from k in Text from v in inner select (k, v)).Array[0, 3]
            .Select(kv => (JsonNode?)new JsonObject(kv.DistinctBy(p => p.k).Select(p => KeyValuePair.Create(p.k, p.v?.DeepClone())))))));

    public static Gen<(string Kind, string Text)> Cases() => Gen.Frequency(
        (1, Gen.Byte.Array[0, 400].Select(b => ("random bytes", Encoding.UTF8.GetString(b)))),
        (1, Gen.Char["{}[]\":,.0123456789truefalsn -/\\*"].Array[0, 300].Select(c => ("random text", new string(c)))),
        (3, (from edits in Gen.Int[0, 2].Select(Gen.Double[0, 1], Gen.Char, (kind, at, c) => (kind, at, c)).Array[1, 5] select edits)
            .Select(edits => ("byte edits", Edit(Valid, edits)))),
        (3, from path in Gen.OneOf(Paths.Select(Gen.Const).ToArray()) from value in Value select ("a value replaced", With(path, value))),
        (1, Gen.OneOf(Paths.Select(Gen.Const).ToArray()).Select(path => ("a key removed", With(path, null, remove: true)))),
        (1, from section in Gen.OneOf(Gen.Const(Array.Empty<string>()), Gen.Const(new[] { "updates" }), Gen.Const(new[] { "mqtt" })) from key in Text
            select ("an unknown key", With([.. section, "x-" + key], JsonValue.Create(1)))),
        (3, from hosts in Host.Array[0, 4] from keys in Text.Array[0, 3] from floor in Version
            select ("random updates entries", With(["updates"], new JsonObject
            {
                ["trustedKeys"] = new JsonArray(keys.Select(k => (JsonNode?)JsonValue.Create(k)).ToArray()),
                ["commandKeys"] = new JsonArray(keys.Reverse().Select(k => (JsonNode?)JsonValue.Create(k)).ToArray()),
                ["archiveHosts"] = new JsonArray(hosts.Select(h => (JsonNode?)JsonValue.Create(h)).ToArray()),
                ["minimumVersion"] = floor,
            }))));

    private static string With(string[] path, JsonNode? value, bool remove = false)
    {
        var root = JsonNode.Parse(Valid)!;
        var parent = root;
        foreach (var step in path[..^1])
        {
            parent = parent is JsonArray array ? array[int.Parse(step, System.Globalization.CultureInfo.InvariantCulture)]! : parent[step]!;
        }
        var last = path[^1];
        switch (parent)
        {
            case JsonArray array when remove: array.RemoveAt(int.Parse(last, System.Globalization.CultureInfo.InvariantCulture)); break;
            case JsonArray array: array[int.Parse(last, System.Globalization.CultureInfo.InvariantCulture)] = value; break;
            case JsonObject obj when remove: obj.Remove(last); break;
            case JsonObject obj: obj[last] = value; break;
        }
        return root.ToJsonString();
    }

    /// <summary>Replace, insert or delete one character at a position given as a share of the length (0..1).</summary>
    private static string Edit(string text, (int Kind, double At, char Value)[] edits)
    {
        var chars = new StringBuilder(text);
        foreach (var (kind, at, value) in edits)
        {
            var i = Math.Min((int)(at * chars.Length), Math.Max(chars.Length - 1, 0));
            switch (kind)
            {
                case 0 when chars.Length > 0: chars[i] = value; break;
                case 1: chars.Insert(i, value); break;
                case 2 when chars.Length > 0: chars.Remove(i, 1); break;
            }
        }
        return chars.ToString();
    }
}
