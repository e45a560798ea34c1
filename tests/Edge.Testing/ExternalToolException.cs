namespace Edge.Testing;

/// <summary>An external program exited with an error; <see cref="Exception.Message"/> carries its own error output.</summary>
public sealed class ExternalToolException : Exception
{
    public ExternalToolException(string program, int exitCode, string errorOutput)
        : base($"{program} exited with {exitCode}: {errorOutput}")
    {
        Program = program;
        ExitCode = exitCode;
        ErrorOutput = errorOutput;
    }

    public string Program { get; } = "";

    public int ExitCode { get; }

    public string ErrorOutput { get; } = "";
}
