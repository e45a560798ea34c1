using System.Collections;
using System.Text.Json.Nodes;

namespace Edge.Agent.Configuration;

/// <summary>
/// Applies <c>EDGE_</c> environment variables over the file: <c>EDGE_MQTT__HOST=broker</c> sets
/// <c>$.mqtt.host</c>, <c>EDGE_CAMERAS__0__THRESHOLD=0.4</c> sets the first camera's threshold ("__" separates
/// levels, as in .NET configuration). Keys match ignoring case; values stay strings, which the reader accepts
/// where numbers and booleans are expected.
/// </summary>
public static class EnvironmentOverrides
{
    public const string Prefix = "EDGE_";

    // Variables of Edge's own tools that share the prefix but are not configuration keys: the ONNX Runtime library
    // (read by Edge.Inference), the trainer's libtorch shim, and the demo's, setup script's and quality benchmark's settings.
    private static readonly string[] OtherToolVariables = [Edge.Inference.Runtime.OrtNativeLibrary.EnvironmentVariable, "EDGE_TORCH_SHIM"];
    private static readonly string[] OtherToolPrefixes = ["EDGE_DEMO_", "EDGE_SETUP_", "EDGE_QUALITY_", "EDGE_SOAK_"];

    /// <summary>True for an EDGE_ variable that overrides configuration (not one of another Edge tool's variables).</summary>
    public static bool IsOverride(string name) =>
        name.StartsWith(Prefix, StringComparison.Ordinal)
        && !OtherToolVariables.Contains(name, StringComparer.Ordinal)
        && !OtherToolPrefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal));

    /// <summary>The EDGE_ configuration overrides of this process.</summary>
    public static IReadOnlyDictionary<string, string> FromProcess()
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            if (entry.Key is string key && IsOverride(key) && entry.Value is string value)
            {
                result[key] = value;
            }
        }
        return result;
    }

    /// <summary>Applies the variables (in name order, so the result does not depend on the environment's order).</summary>
    internal static void Apply(JsonObject root, IReadOnlyDictionary<string, string> variables, List<ConfigProblem> problems)
    {
        foreach (var (name, value) in variables.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            if (!IsOverride(name))
            {
                continue;
            }
            var segments = name[Prefix.Length..].Split("__");
            if (segments.Any(string.IsNullOrEmpty))
            {
                problems.Add(new ConfigProblem($"${name}", "malformed override name (levels are separated by \"__\")"));
                continue;
            }
            if (!Set(root, segments, value))
            {
                problems.Add(new ConfigProblem($"${name}", "does not lead to a key: an array index is too large or a level is not an object"));
            }
        }
    }

    private static bool Set(JsonNode node, string[] segments, string value)
    {
        for (var i = 0; i < segments.Length; i++)
        {
            var last = i == segments.Length - 1;
            JsonNode? next;
            switch (node)
            {
                case JsonObject obj:
                    var key = obj.Select(p => p.Key).FirstOrDefault(k => string.Equals(k, segments[i], StringComparison.OrdinalIgnoreCase))
                        ?? NewKeyName(segments[i]);
                    if (last)
                    {
                        obj[key] = JsonValue.Create(value);
                        return true;
                    }
                    next = obj[key] ??= NewContainer(segments[i + 1]);
                    break;
                case JsonArray array when int.TryParse(segments[i], out var index) && index >= 0 && index <= array.Count:
                    if (index == array.Count)
                    {
                        array.Add(last ? JsonValue.Create(value) : NewContainer(segments[i + 1]));
                        if (last)
                        {
                            return true;
                        }
                    }
                    else if (last)
                    {
                        array[index] = JsonValue.Create(value);
                        return true;
                    }
                    next = array[index] ??= NewContainer(segments[i + 1]);
                    break;
                default:
                    return false;
            }
            node = next!;
        }
        return false;
    }

    private static JsonNode NewContainer(string nextSegment) =>
        int.TryParse(nextSegment, out _) ? new JsonArray() : new JsonObject(ConfigFile.NodeOptions);

    // A new key made from an upper-case variable: MQTT -> mqtt; the reader matches keys ignoring case anyway.
    private static string NewKeyName(string segment) => segment.ToLowerInvariant();
}
