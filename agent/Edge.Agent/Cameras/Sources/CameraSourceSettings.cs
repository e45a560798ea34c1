namespace Edge.Agent.Cameras.Sources;

/// <summary>
/// What a camera is and how to reach it; each kind of source has its own settings type, which makes its
/// sources. Settings are checked when a source is made, with errors that name the bad key.
/// </summary>
public abstract record CameraSourceSettings
{
    /// <summary>Makes a new, unopened source (one per session: the supervisor makes another after a loss).</summary>
    public abstract ICameraSource CreateSource();

    /// <summary>
    /// Checks the settings the way making a source does, without opening anything (no device is touched,
    /// no process started), for a configuration check.
    /// </summary>
    /// <exception cref="CameraSourceException">The settings are unusable; the message says which and why.</exception>
    public void Validate()
    {
        using var source = CreateSource();
    }
}
