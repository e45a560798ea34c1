namespace Edge.Agent.Configuration;

/// <summary>A configuration that cannot be used; <see cref="Problems"/> lists every problem found, not just the first.</summary>
public sealed class ConfigException : Exception
{
    public ConfigException(string source, IReadOnlyList<ConfigProblem> problems)
        : base(Describe(source, problems))
    {
        Origin = source;
        Problems = problems;
    }

    public ConfigException()
    {
    }

    public ConfigException(string message)
        : base(message)
    {
    }

    public ConfigException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Where the configuration came from (a file path).</summary>
    public string Origin { get; } = "";

    public IReadOnlyList<ConfigProblem> Problems { get; } = [];

    // One line, so that `run` can refuse a bad file in a single journal entry.
    private static string Describe(string source, IReadOnlyList<ConfigProblem> problems) =>
        problems.Count == 1
            ? $"{source}: {problems[0]}"
            : $"{source}: {problems.Count} problems: {string.Join("; ", problems)}";
}
