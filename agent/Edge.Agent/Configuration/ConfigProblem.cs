namespace Edge.Agent.Configuration;

/// <summary>One thing wrong with a configuration, at a JSON path such as <c>$.mqtt.port</c>.</summary>
public sealed record ConfigProblem(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}
