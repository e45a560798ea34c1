namespace Edge.Benchmarks.Quality;

/// <summary>A benchmark run that gave no figures: a step failed or training diverged. The message is the one-line reason.</summary>
public sealed class RunFailedException : Exception
{
    public RunFailedException()
    {
    }

    public RunFailedException(string message)
        : base(message)
    {
    }

    public RunFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
