using System.Text.Json;
using Edge.Bundles.Validation;

namespace Edge.Bundles.Json;

/// <summary>
/// Reads the properties of one JSON object and records every problem (missing, wrong type, out of range,
/// unknown or duplicated property) with its path instead of stopping at the first one. Each getter returns a
/// harmless default when the value is unusable; callers finish reading and the problems are thrown together.
/// </summary>
internal sealed class JsonObjectReader
{
    private readonly JsonElement _element;
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    public JsonObjectReader(JsonElement element, string path, ProblemList problems)
    {
        _element = element;
        Path = path;
        Problems = problems;
    }

    public string Path { get; }

    public ProblemList Problems { get; }

    /// <summary>Reads an object at the root or a nested position; reports a non-object and returns null.</summary>
    public static JsonObjectReader? ForObject(JsonElement element, string path, ProblemList problems)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            problems.Add(path, $"expected an object, found {Describe(element)}");
            return null;
        }
        return new JsonObjectReader(element, path, problems);
    }

    public string PathOf(string name) => JsonPaths.Property(Path, name);

    public bool Has(string name)
    {
        _read.Add(name);
        return _element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null;
    }

    public int Int(string name, int min = int.MinValue, int max = int.MaxValue) =>
        Value(name, (e, p) => ReadInt(e, p, min, max), 0);

    public long Long(string name, long min = long.MinValue) => Value(name, (e, p) =>
    {
        if (e.ValueKind == JsonValueKind.Number && e.TryGetInt64(out var v))
        {
            return v >= min ? v : Fail(p, $"must be at least {min}, found {v}", 0L);
        }
        return Fail(p, $"expected an integer, found {Describe(e)}", 0L);
    }, 0L);

    public double Number(string name, double min = double.NegativeInfinity, double max = double.PositiveInfinity) =>
        Value(name, (e, p) => ReadNumber(e, p, min, max), 0.0);

    public double? OptionalNumber(string name, double min = double.NegativeInfinity, double max = double.PositiveInfinity) =>
        Has(name) ? Number(name, min, max) : null;

    /// <summary>A key that must be present but may be null (null meaning "not measured").</summary>
    public double? NullableNumber(string name, double min = double.NegativeInfinity, double max = double.PositiveInfinity)
    {
        _read.Add(name);
        if (!_element.TryGetProperty(name, out var value))
        {
            Problems.Add(PathOf(name), "is required (null when not measured)");
            return null;
        }
        return value.ValueKind == JsonValueKind.Null ? null : ReadNumber(value, PathOf(name), min, max);
    }

    public bool Bool(string name) => Value(name, (e, p) => e.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => Fail(p, $"expected true or false, found {Describe(e)}", false),
    }, false);

    public string String(string name) => Value(name, ReadString, "");

    public T Enum<T>(string name, IReadOnlyList<(string Text, T Value)> names)
        where T : struct
        => Value(name, (e, p) => ReadEnum(e, p, names), default(T));

    public T? Object<T>(string name, Func<JsonObjectReader, T> read)
        where T : class
        => Value(name, (e, p) => ReadObject(e, p, read), null);

    public T? OptionalObject<T>(string name, Func<JsonObjectReader, T> read)
        where T : class
        => Has(name) ? Object(name, read) : null;

    public IReadOnlyList<T> Array<T>(string name, Func<JsonElement, string, T> readItem, int minCount = 0) =>
        Value(name, (e, p) =>
        {
            if (e.ValueKind != JsonValueKind.Array)
            {
                return Fail<IReadOnlyList<T>>(p, $"expected an array, found {Describe(e)}", []);
            }
            var items = new List<T>();
            var index = 0;
            foreach (var item in e.EnumerateArray())
            {
                items.Add(readItem(item, JsonPaths.Index(p, index++)));
            }
            if (items.Count < minCount)
            {
                Problems.Add(p, $"needs at least {minCount} item(s), found {items.Count}");
            }
            return items;
        }, []);

    /// <summary>An object used as a map from names (files, classes) to values, in document order.</summary>
    public IReadOnlyDictionary<string, T> Map<T>(string name, Func<JsonElement, string, T> readValue) =>
        Value(name, (e, p) => ReadMap(e, p, readValue), new Dictionary<string, T>(StringComparer.Ordinal));

    public IReadOnlyDictionary<string, T>? OptionalMap<T>(string name, Func<JsonElement, string, T> readValue) =>
        Has(name) ? Map(name, readValue) : null;

    /// <summary>Reports properties that no getter asked for (typos must not silently fall back to defaults) and duplicates.</summary>
    public void ReportUnknownProperties()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in _element.EnumerateObject())
        {
            if (!seen.Add(property.Name))
            {
                Problems.Add(PathOf(property.Name), "appears more than once");
            }
            else if (!_read.Contains(property.Name))
            {
                Problems.Add(PathOf(property.Name), "is not a known property");
            }
        }
    }

    public static int ReadInt(JsonElement e, string path, ProblemList problems, int min, int max)
    {
        if (e.ValueKind == JsonValueKind.Number && e.TryGetInt32(out var v))
        {
            if (v >= min && v <= max)
            {
                return v;
            }
            problems.Add(path, $"must be between {min} and {max}, found {v}");
            return 0;
        }
        problems.Add(path, $"expected an integer, found {Describe(e)}");
        return 0;
    }

    public static double ReadNumber(JsonElement e, string path, ProblemList problems, double min, double max)
    {
        if (e.ValueKind == JsonValueKind.Number && e.TryGetDouble(out var v) && double.IsFinite(v))
        {
            if (v >= min && v <= max)
            {
                return v;
            }
            problems.Add(path, $"must be between {min} and {max}, found {v}");
            return 0;
        }
        problems.Add(path, $"expected a number, found {Describe(e)}");
        return 0;
    }

    public static string ReadString(JsonElement e, string path, ProblemList problems)
    {
        if (e.ValueKind == JsonValueKind.String)
        {
            var text = e.GetString()!;
            if (text.Length > 0)
            {
                return text;
            }
            problems.Add(path, "must not be empty");
            return "";
        }
        problems.Add(path, $"expected a string, found {Describe(e)}");
        return "";
    }

    public static string Describe(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => $"the string \"{e.GetString()}\"",
        JsonValueKind.Number => $"the number {e.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => $"the boolean {e.GetRawText()}",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    private int ReadInt(JsonElement e, string path, int min, int max) => ReadInt(e, path, Problems, min, max);

    private double ReadNumber(JsonElement e, string path, double min, double max) => ReadNumber(e, path, Problems, min, max);

    private string ReadString(JsonElement e, string path) => ReadString(e, path, Problems);

    private T ReadEnum<T>(JsonElement e, string path, IReadOnlyList<(string Text, T Value)> names)
    {
        var allowed = string.Join(", ", names.Select(n => $"\"{n.Text}\""));
        if (e.ValueKind == JsonValueKind.String)
        {
            var text = e.GetString();
            foreach (var (candidate, value) in names)
            {
                if (string.Equals(candidate, text, StringComparison.Ordinal))
                {
                    return value;
                }
            }
        }
        Problems.Add(path, $"expected one of {allowed}, found {Describe(e)}");
        return names[0].Value;
    }

    private T? ReadObject<T>(JsonElement e, string path, Func<JsonObjectReader, T> read)
        where T : class
    {
        var reader = ForObject(e, path, Problems);
        if (reader is null)
        {
            return null;
        }
        var value = read(reader);
        reader.ReportUnknownProperties();
        return value;
    }

    private Dictionary<string, T> ReadMap<T>(JsonElement e, string path, Func<JsonElement, string, T> readValue)
    {
        var map = new Dictionary<string, T>(StringComparer.Ordinal);
        if (e.ValueKind != JsonValueKind.Object)
        {
            Problems.Add(path, $"expected an object, found {Describe(e)}");
            return map;
        }
        foreach (var property in e.EnumerateObject())
        {
            var itemPath = JsonPaths.Key(path, property.Name);
            if (map.ContainsKey(property.Name))
            {
                Problems.Add(itemPath, "appears more than once");
                continue;
            }
            map[property.Name] = readValue(property.Value, itemPath);
        }
        return map;
    }

    private T Value<T>(string name, Func<JsonElement, string, T> read, T fallback)
    {
        _read.Add(name);
        var path = PathOf(name);
        if (!_element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            Problems.Add(path, "is required");
            return fallback;
        }
        return read(value, path);
    }

    private T Fail<T>(string path, string message, T fallback)
    {
        Problems.Add(path, message);
        return fallback;
    }
}
