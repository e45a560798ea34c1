using System.Text.Json;
using System.Text.Json.Nodes;

namespace Edge.Agent.Configuration;

/// <summary>
/// Loads agent.json (comments and trailing commas allowed), applies <c>EDGE_</c> environment overrides and
/// validates the result, collecting every problem.
/// </summary>
public static class ConfigFile
{
    internal static readonly JsonNodeOptions NodeOptions = new() { PropertyNameCaseInsensitive = true };

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Loads and validates <paramref name="path"/> with this process's EDGE_ variables.</summary>
    /// <exception cref="ConfigException">The file is missing, unreadable, not JSON, or has problems (all listed).</exception>
    public static AgentConfig Load(string path) => Load(path, EnvironmentOverrides.FromProcess());

    public static AgentConfig Load(string path, IReadOnlyDictionary<string, string> environment)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConfigException(path, [new ConfigProblem("$", $"cannot read the file: {e.Message}")]);
        }
        return Parse(text, path, environment);
    }

    /// <summary>Validates configuration text; <paramref name="origin"/> names it in errors.</summary>
    public static AgentConfig Parse(string json, string origin, IReadOnlyDictionary<string, string> environment)
    {
        var problems = new List<ConfigProblem>();
        JsonNode? node;
        try
        {
            using (var document = JsonDocument.Parse(json, DocumentOptions))
            {
                JsonTextProblems.Find(document.RootElement, "$", problems);
            }
            if (problems.Count > 0)
            {
                throw new ConfigException(origin, problems);
            }
            node = JsonNode.Parse(json, NodeOptions, DocumentOptions);
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $"line {line + 1}, column {(e.BytePositionInLine ?? 0) + 1}" : "unknown position";
            throw new ConfigException(origin, [new ConfigProblem(e.Path ?? "$", $"not valid JSON at {where}")]);
        }
        if (node is not JsonObject root)
        {
            throw new ConfigException(origin, [new ConfigProblem("$", "must be a JSON object")]);
        }
        EnvironmentOverrides.Apply(root, environment, problems);
        var config = AgentConfig.Read(new ConfigReader(root, "$", problems));
        if (problems.Count > 0)
        {
            throw new ConfigException(origin, problems);
        }
        return config;
    }
}
