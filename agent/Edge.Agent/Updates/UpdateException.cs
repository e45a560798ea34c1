namespace Edge.Agent.Updates;

/// <summary>An update step refused or failed; the message is the reason reported on <c>model/state</c>.</summary>
public sealed class UpdateException : Exception
{
    public UpdateException()
    {
    }

    public UpdateException(string message)
        : base(message)
    {
    }

    public UpdateException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
