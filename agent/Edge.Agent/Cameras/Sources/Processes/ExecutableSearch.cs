namespace Edge.Agent.Cameras.Sources.Processes;

/// <summary>Finds a program the way a shell does: a name with a slash is a path, a bare name is looked up on PATH.</summary>
internal static class ExecutableSearch
{
    /// <summary>The program's full path, or null when it is not there.</summary>
    public static string? Find(string program)
    {
        ArgumentException.ThrowIfNullOrEmpty(program);
        if (program.Contains('/', StringComparison.Ordinal))
        {
            return File.Exists(program) ? Path.GetFullPath(program) : null;
        }
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(folder, program);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        return null;
    }
}
