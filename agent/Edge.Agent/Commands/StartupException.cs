namespace Edge.Agent.Commands;

/// <summary>The agent cannot start for a reason the operator can fix; the message says which.</summary>
public sealed class StartupException : Exception
{
    public StartupException()
    {
    }

    public StartupException(string message)
        : base(message)
    {
    }

    public StartupException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
