namespace Edge.Agent.Http;

/// <summary>
/// How a camera looks on the page, in one word a colour stands for: <c>ok</c> (green: streaming, no alarm),
/// <c>alarm</c> (red: an alarm is open), <c>trouble</c> (amber: the camera, not the product, has a problem: starting,
/// stalled, reconnecting, or tampered with) and <c>down</c> (grey: given up or stopped), with the reason in words.
/// </summary>
public readonly record struct CameraLook(string Look, string State, string Reason)
{
    /// <param name="status">The supervisor's state as the health report has it, e.g. <c>Reconnecting, retry in 2 s: ffmpeg exited</c>.</param>
    /// <param name="faults">The health checks' faults, e.g. <c>LensBlocked</c>; empty when none.</param>
    /// <param name="alarming">Whether an alarm of the camera is open.</param>
    public static CameraLook Of(string status, string faults, bool alarming)
    {
        ArgumentNullException.ThrowIfNull(status);
        var end = status.IndexOfAny([',', ':']);
        var state = end < 0 ? status : status[..end];
        var reason = end < 0 ? "" : status[(end + 1)..].TrimStart(' ', ',', ':');
        if (state != "Streaming")
        {
            return new CameraLook(state is "Failed" or "Stopped" ? "down" : "trouble", state.ToLowerInvariant(), reason);
        }
        if (!string.IsNullOrEmpty(faults))
        {
            return new CameraLook("trouble", "tampered", faults);
        }
        return alarming ? new CameraLook("alarm", "alarm", "") : new CameraLook("ok", "streaming", "");
    }
}
