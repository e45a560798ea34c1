namespace Edge.Agent.Cameras.Sources;

/// <summary>
/// What a camera is and how to reach it; each kind of source has its own settings type, which makes its
/// sources. Settings are checked when a source is made, with errors that name the bad key.
/// </summary>
public abstract record CameraSourceSettings
{
    /// <summary>Makes a new, unopened source (one per session: the supervisor makes another after a loss).</summary>
    public abstract ICameraSource CreateSource();
}
