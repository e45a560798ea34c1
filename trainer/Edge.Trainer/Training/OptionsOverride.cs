using System.Text.Json;
using System.Text.Json.Nodes;
using Edge.Trainer.Commands;

namespace Edge.Trainer.Training;

/// <summary>
/// <c>fit --config FILE</c>: a JSON object whose keys override fields of the preset (camelCase; nested objects such as
/// <c>"model": {"codebookSize": 128}</c> override field by field). A key the options do not have, or a value of the
/// wrong type, is a one-line error that names the key, so a typo never silently trains with the preset's value.
/// </summary>
public static class OptionsOverride
{
    internal static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
    };

    private static readonly JsonDocumentOptions Document = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>The options in <paramref name="path"/> applied over <paramref name="preset"/>, validated.</summary>
    /// <exception cref="UserInputException">The file is not JSON, names an unknown key or holds a bad value.</exception>
    public static TrainingOptions Apply(TrainingOptions preset, string path)
    {
        ArgumentNullException.ThrowIfNull(preset);
        JsonNode? overrides;
        try
        {
            overrides = JsonNode.Parse(File.ReadAllText(path), documentOptions: Document);
        }
        catch (JsonException e)
        {
            throw new UserInputException($"'{path}' is not valid JSON: {FirstLine(e.Message)}");
        }
        if (overrides is not JsonObject changes)
        {
            throw new UserInputException($"'{path}' must hold a JSON object of option names and values.");
        }
        var merged = ToJson(preset);
        Merge(merged, changes, path, "");
        TrainingOptions options;
        try
        {
            options = merged.Deserialize<TrainingOptions>(Json)!;
        }
        catch (JsonException e)
        {
            var key = KeyOf(e.Path);
            throw new UserInputException($"'{path}': '{key}' must be {Expected(key)} (got {ValueAt(changes, key)}).");
        }
        try
        {
            options.Validate();
        }
        catch (ArgumentException e)
        {
            throw new UserInputException($"'{path}': {e.Message}");
        }
        return options;
    }

    /// <summary>The options as a --config file would hold them (every key it accepts).</summary>
    public static string Write(TrainingOptions options) => JsonSerializer.Serialize(options, Json);

    internal static JsonObject ToJson(TrainingOptions options) => JsonSerializer.SerializeToNode(options, Json)!.AsObject();

    private static void Merge(JsonObject target, JsonObject changes, string path, string prefix)
    {
        foreach (var (key, value) in changes)
        {
            var name = prefix + key;
            if (!target.TryGetPropertyValue(key, out var current))
            {
                throw new UserInputException(
                    $"'{path}': unknown key '{name}'; known keys here: {string.Join(", ", target.Select(p => prefix + p.Key))}.");
            }
            if (value is null)
            {
                throw new UserInputException($"'{path}': '{name}' has no value (null); give one or leave the key out.");
            }
            if (current is JsonObject inner)
            {
                if (value is not JsonObject innerChanges)
                {
                    throw new UserInputException($"'{path}': '{name}' must be an object of its own keys ({string.Join(", ", inner.Select(p => p.Key))}).");
                }
                Merge(inner, innerChanges, path, name + ".");
            }
            else
            {
                target[key] = value.DeepClone();
            }
        }
    }

    /// <summary>"$.model.codebookSize" as the key a user wrote: "model.codebookSize".</summary>
    private static string KeyOf(string? jsonPath) => (jsonPath ?? "").TrimStart('$').TrimStart('.');

    /// <summary>What the option at a dotted key takes, in words, from its property's type.</summary>
    private static string Expected(string key)
    {
        var type = typeof(TrainingOptions);
        foreach (var name in key.Split('.'))
        {
            var property = type.GetProperties().FirstOrDefault(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name) == name);
            if (property is null)
            {
                return "a value of its type";
            }
            type = property.PropertyType;
        }
        return type == typeof(int) ? "a whole number"
            : type == typeof(double) || type == typeof(float) ? "a number"
            : type == typeof(bool) ? "true or false"
            : "an object";
    }

    private static string ValueAt(JsonObject changes, string key)
    {
        JsonNode? node = changes;
        foreach (var name in key.Split('.'))
        {
            node = node is JsonObject o && o.TryGetPropertyValue(name, out var inner) ? inner : null;
        }
        return node?.ToJsonString() ?? "a value of another type";
    }

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();
}
