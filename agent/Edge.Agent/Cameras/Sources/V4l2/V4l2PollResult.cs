namespace Edge.Agent.Cameras.Sources.V4l2;

/// <summary>What poll() said about a device.</summary>
internal enum V4l2PollResult
{
    /// <summary>Nothing happened before the timeout (or a signal interrupted the wait).</summary>
    TimedOut,

    /// <summary>A filled buffer is ready to dequeue.</summary>
    Ready,

    /// <summary>POLLERR, POLLHUP or POLLNVAL: the device is in error or gone.</summary>
    Error,
}
