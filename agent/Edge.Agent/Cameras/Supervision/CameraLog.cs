using Microsoft.Extensions.Logging;

namespace Edge.Agent.Cameras.Supervision;

/// <summary>The camera supervisor's log messages.</summary>
internal static partial class CameraLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Camera {Camera}: {Status}")]
    public static partial void StatusChanged(ILogger logger, string camera, CameraStatus status);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "Camera {Camera} fault: {Description}")]
    public static partial void FaultFound(ILogger logger, string camera, string description);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Information, Message = "Camera {Camera}: faults cleared")]
    public static partial void FaultsCleared(ILogger logger, string camera);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Error, Message = "Camera {Camera}: the capture thread did not stop within {Seconds} s; its source ignores cancellation")]
    public static partial void CaptureThreadStuck(ILogger logger, string camera, double seconds);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Error, Message = "Camera {Camera}: an event handler failed")]
    public static partial void HandlerFailed(ILogger logger, string camera, Exception exception);
}
