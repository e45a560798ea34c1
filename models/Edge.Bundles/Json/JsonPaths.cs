namespace Edge.Bundles.Json;

/// <summary>Builds the JSON paths that problems carry: <c>$.a.b</c>, <c>$.a[2]</c>, <c>$.files['x.onnx']</c>.</summary>
internal static class JsonPaths
{
    public const string Root = "$";

    public static string Property(string parent, string name) => $"{parent}.{name}";

    public static string Index(string parent, int index) => $"{parent}[{index}]";

    // Map keys are file and class names with dots and dashes: bracket notation keeps the path unambiguous.
    public static string Key(string parent, string key) => $"{parent}['{key.Replace("'", "\\'", StringComparison.Ordinal)}']";
}
