namespace Edge.Agent.Pipeline;

/// <summary>The model misbehaved on a live frame (a score that is not a number): the pipeline cannot trust it.</summary>
public sealed class ModelFaultException : Exception
{
    public ModelFaultException()
    {
    }

    public ModelFaultException(string message)
        : base(message)
    {
    }

    public ModelFaultException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
