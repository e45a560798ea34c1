namespace Edge.Agent.Cameras.Supervision;

/// <summary>Where a supervised camera stands; see <see cref="CameraStatus.Reason"/> for why.</summary>
public enum CameraState
{
    /// <summary>Opening the camera (or starting its child process); no frame yet in this session.</summary>
    Starting,

    /// <summary>Frames are flowing.</summary>
    Streaming,

    /// <summary>No frame came for the stall timeout; the session is being torn down to start again.</summary>
    Stalled,

    /// <summary>The session was lost; a new one starts after <see cref="CameraStatus.RetryIn"/>.</summary>
    Reconnecting,

    /// <summary>Given up: retrying cannot help (a settings error, a missing program) or the retry limit was reached.</summary>
    Failed,

    /// <summary>The supervisor was stopped (disposed).</summary>
    Stopped,
}
