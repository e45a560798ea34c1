using System.Text;

namespace Edge.Agent.Tests.Configuration;

/// <summary>
/// Makes malformed agent.json files from a valid one that touches every section: spans cut out, tokens and values of
/// the wrong type put in, keys repeated in another case, deep nesting, control characters; and EDGE_ overrides.
/// Deterministic for a given <see cref="Random"/>.
/// </summary>
internal static class MalformedConfigs
{
    /// <summary>The file every case starts from; it loads as it is.</summary>
    public const string Valid = """
        { "site": "plant1", "device": "box1", "stateDirectory": "/var/lib/edge-agent",
          "mqtt": { "host": "127.0.0.1", "port": 1883, "protocol": "5", "username": "u", "password": "p", "keepAliveSeconds": 30,
                    "clientId": "c", "reconnectMinSeconds": 1, "reconnectMaxSeconds": 30, "tls": { "enabled": false } },
          "model": { "bundle": "/path/to/bundle" },
          "outbox": { "maxMessages": 100, "file": "outbox.db" },
          "alarms": { "debounce": { "k": 3, "n": 5 }, "hysteresis": 0.1, "holdSeconds": 2, "cooldownSeconds": 10, "updateMinRise": 0.05, "threshold": 0.5 },
          "snapshots": { "enabled": true, "quotaMegabytes": 10, "jpegQuality": 80 },
          "http": { "enabled": true, "port": 8080, "bind": "127.0.0.1" },
          "health": { "intervalSeconds": 10 },
          "updates": { "trustedKeys": [], "replayWindowMinutes": 60, "maxArchiveMegabytes": 512, "keepVersions": 3,
                       "shadow": { "seconds": 0 } },
          "onnxRuntime": { "providers": ["Cpu"], "allowFallback": true },
          "cameras": [
            { "name": "line1", "ffmpeg": "-re -i clip.mp4", "threshold": 0.4, "roi": [[[0, 0], [10, 0], [10, 10]]], "crop": [0, 0, 8, 8],
              "supervision": { "stallTimeoutSeconds": 4 }, "health": false },
            { "name": "line2", "folder": "/frames", "framesPerSecond": 2, "loop": true, "class": "bottle" } ] }
        """;

    private static readonly string[] Keys =
    [
        "site", "Site", "SITE", "device", "mqtt", "host", "port", "tls", "caFile", "certFile", "keyFile", "model", "bundle", "cameras",
        "name", "ffmpeg", "folder", "v4l2", "gstreamer", "roi", "crop", "threshold", "alarms", "debounce", "k", "n", "updates",
        "trustedKeys", "onnxRuntime", "providers", "library", "http", "bind", "outbox", "maxMessages", "snapshots", "health",
    ];

    private static readonly string[] Values =
    [
        "null", "true", "false", "0", "-1", "1e999", "-0", "1.5", "9223372036854775808", "\"\"", "\"x\"", "\"/\"", "\"\\u0000\"",
        "\"\\ud800\"", "\"é\"", "{}", "[]", "[[]]", "[{}]", "{\"a\":1}", "\"../../etc/passwd\"", "\"   \"", "\"+/#\"", "[1,2,3,4]",
        "\"" + new string('a', 3000) + "\"", "[[[0,0],[1,0]]]", "[0,0,-1,5]", "\"TensorRt\"", "[\"Cpu\",\"Cpu\"]",
    ];

    private static readonly string[] Tokens = ["{", "}", "[", "]", ",", ":", "\"", "//", "/*", "*/", "\\", "\u0001", "\uFEFF", "\n", "NaN", "Infinity"];

    /// <summary>The valid file with one to four random mutations.</summary>
    public static string Next(Random random)
    {
        var text = new StringBuilder(Valid);
        var mutations = random.Next(1, 5);
        for (var m = 0; m < mutations; m++)
        {
            Mutate(text, random);
        }
        return text.ToString();
    }

    /// <summary>One to three EDGE_ variables with random paths and values.</summary>
    public static Dictionary<string, string> Overrides(Random random)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = random.Next(1, 4); i > 0; i--)
        {
            var levels = Enumerable.Range(0, random.Next(1, 5))
                .Select(_ => random.Next(4) == 0 ? random.Next(-1, 4).ToString(System.Globalization.CultureInfo.InvariantCulture) : Pick(random, Keys).ToUpperInvariant())
                .ToList();
            if (random.Next(8) == 0)
            {
                levels.Insert(random.Next(levels.Count + 1), "");
            }
            result["EDGE_" + string.Join("__", levels)] = Pick(random, Values).Trim('"');
        }
        return result;
    }

    public static byte[] RandomBytes(Random random)
    {
        var bytes = new byte[random.Next(0, 300)];
        random.NextBytes(bytes);
        return bytes;
    }

    /// <summary>The valid file's bytes with bytes that are never UTF-8 (0xC0, 0xFF, a lone continuation) put in.</summary>
    public static byte[] WithInvalidUtf8(Random random)
    {
        var bytes = Encoding.UTF8.GetBytes(Valid).ToList();
        for (var i = random.Next(1, 4); i > 0; i--)
        {
            bytes.Insert(random.Next(bytes.Count), Pick(random, [(byte)0xC0, (byte)0xFF, (byte)0x80, (byte)0xED]));
        }
        return [.. bytes];
    }

    private static void Mutate(StringBuilder text, Random random)
    {
        var at = random.Next(text.Length + 1);
        switch (random.Next(8))
        {
            case 0:
                text.Remove(Math.Min(at, text.Length), Math.Min(random.Next(1, 40), text.Length - Math.Min(at, text.Length)));
                break;
            case 1:
                text.Insert(at, Pick(random, Tokens));
                break;
            case 2:
                InsertAfterBrace(text, random, $"\"{Pick(random, Keys)}\": {Pick(random, Values)},");
                break;
            case 3:
                RepeatKeyInAnotherCase(text, random);
                break;
            case 4:
                ReplaceValue(text, random);
                break;
            case 5:
                var depth = random.Next(1, 300);
                InsertAfterBrace(text, random, $"\"{Pick(random, Keys)}\": {new string('[', depth)}{new string(']', depth)},");
                break;
            case 6:
                text.Insert(at, (char)random.Next(0, 0x3000));
                break;
            default:
                if (text.Length > 2)
                {
                    var a = random.Next(text.Length);
                    var b = random.Next(text.Length);
                    (text[a], text[b]) = (text[b], text[a]);
                }
                break;
        }
    }

    private static void InsertAfterBrace(StringBuilder text, Random random, string member)
    {
        var braces = Positions(text.ToString(), '{');
        if (braces.Count > 0)
        {
            text.Insert(Pick(random, braces) + 1, member);
        }
    }

    // "key": becomes "key": v, "KEY": v2 in the same object: a repeated key in another spelling.
    private static void RepeatKeyInAnotherCase(StringBuilder text, Random random)
    {
        var current = text.ToString();
        var key = Pick(random, Keys);
        var at = current.IndexOf($"\"{key}\":", StringComparison.OrdinalIgnoreCase);
        if (at < 0)
        {
            return;
        }
        var spelling = random.Next(3) switch { 0 => key, 1 => key.ToUpperInvariant(), _ => char.ToUpperInvariant(key[0]) + key[1..] };
        text.Insert(at, $"\"{spelling}\": {Pick(random, Values)}, ");
    }

    private static void ReplaceValue(StringBuilder text, Random random)
    {
        var current = text.ToString();
        var colons = Positions(current, ':');
        if (colons.Count == 0)
        {
            return;
        }
        var start = Pick(random, colons) + 1;
        var end = current.IndexOfAny([',', '}'], start);
        if (end > start)
        {
            text.Remove(start, end - start).Insert(start, " " + Pick(random, Values));
        }
    }

    private static List<int> Positions(string text, char c) =>
        Enumerable.Range(0, text.Length).Where(i => text[i] == c).ToList();

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
