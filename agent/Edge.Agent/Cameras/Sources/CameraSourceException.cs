namespace Edge.Agent.Cameras.Sources;

/// <summary>A camera could not be opened or was lost. The message is meant for operators.</summary>
public sealed class CameraSourceException : Exception
{
    public CameraSourceException()
    {
    }

    public CameraSourceException(string message)
        : base(message)
    {
    }

    public CameraSourceException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public CameraSourceException(string message, bool isPermanent, Exception? innerException = null)
        : base(message, innerException)
    {
        IsPermanent = isPermanent;
    }

    /// <summary>
    /// True when retrying cannot help (a missing program, a settings error): the supervisor reports the
    /// camera as failed instead of reconnecting.
    /// </summary>
    public bool IsPermanent { get; }
}
