using System.Text.Json;

namespace Edge.Agent.Configuration;

/// <summary>
/// What is wrong with the JSON text itself that the typed reader cannot see, or would throw on with no path: a key given
/// more than once in one object in any spelling (keys are matched ignoring case, so <c>site</c> and <c>Site</c> are the
/// same key, and which would win is no rule anyone wrote down), and a key or string whose <c>\u</c> escapes are half of
/// a UTF-16 surrogate pair (no text at all). Each is a problem at its own JSON path.
/// </summary>
internal static class JsonTextProblems
{
    private const string NotText = "is not text: a \\u escape is half of a UTF-16 surrogate pair";

    public static void Find(JsonElement element, string path, List<ConfigProblem> problems)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var seen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                var position = 0;
                foreach (var property in element.EnumerateObject())
                {
                    position++;
                    if (Text(() => property.Name) is not { } name)
                    {
                        problems.Add(new ConfigProblem($"{path} (key {position})", NotText));
                        continue;
                    }
                    var at = $"{path}.{name}";
                    if (!seen.TryAdd(name, name))
                    {
                        var first = seen[name];
                        problems.Add(new ConfigProblem(at, first == name
                            ? "appears more than once"
                            : $"appears more than once (as \"{first}\" and \"{name}\": keys are matched ignoring case)"));
                    }
                    Find(property.Value, at, problems);
                }
                break;
            case JsonValueKind.Array:
                var item = 0;
                foreach (var value in element.EnumerateArray())
                {
                    Find(value, $"{path}[{item++}]", problems);
                }
                break;
            case JsonValueKind.String when Text(element.GetString) is null:
                problems.Add(new ConfigProblem(path, NotText));
                break;
        }
    }

    private static string? Text(Func<string?> read)
    {
        try
        {
            return read() ?? "";
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }
}
