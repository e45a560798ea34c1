using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Edge.Agent.Configuration;

/// <summary>
/// Reads one JSON object of the configuration and records every problem with its JSON path instead of
/// stopping at the first. Keys are matched ignoring case (environment overrides arrive upper-case);
/// <see cref="RejectUnknownKeys"/> reports the keys no one read (typos).
/// </summary>
internal sealed class ConfigReader
{
    private readonly JsonObject _object;
    private readonly List<ConfigProblem> _problems;
    private readonly HashSet<string> _known = new(StringComparer.OrdinalIgnoreCase);

    public ConfigReader(JsonObject json, string path, List<ConfigProblem> problems)
    {
        _object = json;
        Path = path;
        _problems = problems;
    }

    /// <summary>This object's JSON path, <c>$</c> for the root.</summary>
    public string Path { get; }

    public string PathOf(string key) => $"{Path}.{key}";

    public void Problem(string key, string message) => _problems.Add(new ConfigProblem(PathOf(key), message));

    /// <summary>Records a problem at a full path (an array item).</summary>
    public void ProblemAt(string path, string message) => _problems.Add(new ConfigProblem(path, message));

    public bool Has(string key)
    {
        _known.Add(key);
        return _object.TryGetPropertyValue(key, out var value) && value is not null;
    }

    public bool IsObject(string key)
    {
        _known.Add(key);
        return _object.TryGetPropertyValue(key, out var value) && value is JsonObject;
    }

    public string? String(string key, bool required = false)
    {
        if (!TryGet(key, required, out var value))
        {
            return null;
        }
        if (value is JsonValue v && v.GetValueKind() == JsonValueKind.String)
        {
            var text = v.GetValue<string>();
            if (required && string.IsNullOrWhiteSpace(text))
            {
                Problem(key, "must not be empty");
                return null;
            }
            return text;
        }
        Problem(key, "must be a string");
        return null;
    }

    public int Int(string key, int fallback, int minimum, int maximum) =>
        (int)Number(key, fallback, minimum, maximum, integer: true);

    public int? OptionalInt(string key, int minimum, int maximum) =>
        Has(key) ? Int(key, minimum, minimum, maximum) : null;

    public double Double(string key, double fallback, double minimum, double maximum) =>
        Number(key, fallback, minimum, maximum, integer: false);

    public double? OptionalDouble(string key, double minimum, double maximum) =>
        Has(key) ? Double(key, minimum, minimum, maximum) : null;

    public bool Bool(string key, bool fallback)
    {
        if (!TryGet(key, required: false, out var value))
        {
            return fallback;
        }
        if (value is JsonValue v)
        {
            switch (v.GetValueKind())
            {
                case JsonValueKind.True:
                    return true;
                case JsonValueKind.False:
                    return false;
                case JsonValueKind.String when bool.TryParse(v.GetValue<string>(), out var parsed):
                    return parsed;
            }
        }
        Problem(key, "must be true or false");
        return fallback;
    }

    /// <summary>One of <paramref name="choices"/> (matched ignoring case), or <paramref name="fallback"/> when absent.</summary>
    public T Choice<T>(string key, T fallback, IReadOnlyDictionary<string, T> choices)
    {
        var text = String(key);
        if (text is null)
        {
            return fallback;
        }
        foreach (var (name, choice) in choices)
        {
            if (string.Equals(name, text, StringComparison.OrdinalIgnoreCase))
            {
                return choice;
            }
        }
        Problem(key, $"must be one of {string.Join(", ", choices.Keys.Select(k => $"\"{k}\""))}");
        return fallback;
    }

    /// <summary>A nested object, or null when absent (or not an object: that is recorded).</summary>
    public ConfigReader? Object(string key)
    {
        if (!TryGet(key, required: false, out var value))
        {
            return null;
        }
        if (value is JsonObject child)
        {
            return new ConfigReader(child, PathOf(key), _problems);
        }
        Problem(key, "must be an object");
        return null;
    }

    /// <summary>The items of an array (empty when absent), with their paths.</summary>
    public IReadOnlyList<(JsonNode? Item, string Path)> Array(string key, bool required = false)
    {
        if (!TryGet(key, required, out var value))
        {
            return [];
        }
        if (value is JsonArray array)
        {
            return array.Select((item, i) => (item, $"{PathOf(key)}[{i}]")).ToList();
        }
        Problem(key, "must be an array");
        return [];
    }

    /// <summary>Reads an array of objects with <paramref name="read"/>; items that are not objects are recorded.</summary>
    public IReadOnlyList<T> Objects<T>(string key, Func<ConfigReader, T> read)
    {
        var result = new List<T>();
        foreach (var (item, path) in Array(key))
        {
            if (item is JsonObject child)
            {
                result.Add(read(new ConfigReader(child, path, _problems)));
            }
            else
            {
                _problems.Add(new ConfigProblem(path, "must be an object"));
            }
        }
        return result;
    }

    /// <summary>Records every key of this object that was never asked for.</summary>
    public void RejectUnknownKeys()
    {
        foreach (var (key, _) in _object)
        {
            if (!_known.Contains(key))
            {
                Problem(key, $"unknown key (known here: {string.Join(", ", _known)})");
            }
        }
    }

    private bool TryGet(string key, bool required, out JsonNode value)
    {
        _known.Add(key);
        if (_object.TryGetPropertyValue(key, out var found) && found is not null)
        {
            value = found;
            return true;
        }
        if (required)
        {
            Problem(key, "is required");
        }
        value = null!;
        return false;
    }

    private double Number(string key, double fallback, double minimum, double maximum, bool integer)
    {
        if (!TryGet(key, required: false, out var value))
        {
            return fallback;
        }
        var range = integer ? $"an integer {minimum}..{maximum}" : $"a number {minimum}..{maximum}";
        if (!TryNumber(value, out var number) || (integer && Math.Floor(number) != number))
        {
            Problem(key, $"must be {range}");
            return fallback;
        }
        if (number < minimum || number > maximum)
        {
            Problem(key, $"must be {minimum}..{maximum}");
            return fallback;
        }
        return number;
    }

    // Environment overrides arrive as strings: "1883" is accepted where a number is expected.
    private static bool TryNumber(JsonNode node, out double number)
    {
        number = 0;
        if (node is not JsonValue value)
        {
            return false;
        }
        return value.GetValueKind() switch
        {
            JsonValueKind.Number => value.TryGetValue(out number) && double.IsFinite(number),
            JsonValueKind.String => double.TryParse(value.GetValue<string>(), NumberStyles.Float, CultureInfo.InvariantCulture, out number)
                && double.IsFinite(number),
            _ => false,
        };
    }
}
