using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Edge.Trainer.Training;

/// <summary>
/// Which options a checkpoint was trained with, so that <c>fit --resume</c> refuses to continue with others. Every key
/// counts except those that change when or how long training runs but not what it learns
/// (<see cref="TrainingOptions.MaxMinutes"/> and <see cref="TrainingOptions.CheckpointEverySteps"/>).
/// </summary>
public static class OptionsFingerprint
{
    private static readonly string[] Excluded = ["maxMinutes", "checkpointEverySteps"];

    /// <summary>"sha256:" and the hex SHA-256 of the options' compact JSON without the excluded keys.</summary>
    public static string Compute(TrainingOptions options) => Compute(OptionsOverride.ToJson(options));

    public static string Compute(JsonObject options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var text = string.Join('\n', Flatten(options).Select(p => $"{p.Key}={p.Value}"));
        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>The keys that count and differ, as "key: saved here, current there" texts (empty when none do).</summary>
    public static IReadOnlyList<string> Differences(JsonObject saved, TrainingOptions current)
    {
        ArgumentNullException.ThrowIfNull(saved);
        var before = Flatten(saved).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        var now = Flatten(OptionsOverride.ToJson(current)).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        return before.Keys.Union(now.Keys, StringComparer.Ordinal)
            .Where(k => !string.Equals(before.GetValueOrDefault(k), now.GetValueOrDefault(k), StringComparison.Ordinal))
            .Select(k => string.Create(CultureInfo.InvariantCulture, $"{k} {before.GetValueOrDefault(k) ?? "(none)"} -> {now.GetValueOrDefault(k) ?? "(none)"}"))
            .ToList();
    }

    /// <summary>Dotted key and compact JSON value of every leaf that counts, sorted by key.</summary>
    private static IEnumerable<KeyValuePair<string, string>> Flatten(JsonObject options)
    {
        var leaves = new List<KeyValuePair<string, string>>();
        Collect(options, "", leaves);
        return leaves.Where(p => !Excluded.Contains(p.Key, StringComparer.Ordinal)).OrderBy(p => p.Key, StringComparer.Ordinal);
    }

    private static void Collect(JsonObject node, string prefix, List<KeyValuePair<string, string>> leaves)
    {
        foreach (var (key, value) in node)
        {
            if (value is JsonObject inner)
            {
                Collect(inner, prefix + key + ".", leaves);
            }
            else
            {
                leaves.Add(new(prefix + key, value?.ToJsonString() ?? "null"));
            }
        }
    }
}
