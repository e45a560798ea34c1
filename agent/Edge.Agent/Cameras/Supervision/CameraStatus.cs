namespace Edge.Agent.Cameras.Supervision;

/// <summary>A camera's state at one moment, with the reason for it.</summary>
/// <param name="State">The state.</param>
/// <param name="Reason">Why the camera is in this state (the last error, with a child process's last stderr lines); null while all is well.</param>
/// <param name="SinceUtc">When the camera entered this state.</param>
/// <param name="ConsecutiveFailures">Sessions lost in a row without a stable stretch of streaming in between.</param>
/// <param name="RetryIn">In <see cref="CameraState.Reconnecting"/>: the wait before the next session.</param>
public sealed record CameraStatus(
    CameraState State,
    string? Reason,
    DateTime SinceUtc,
    int ConsecutiveFailures,
    TimeSpan? RetryIn = null)
{
    public override string ToString()
    {
        var retry = RetryIn is { } delay ? $", retry in {delay.TotalSeconds:0.###} s" : "";
        var reason = Reason is null ? "" : $": {Reason}";
        return $"{State}{retry}{reason}";
    }
}
