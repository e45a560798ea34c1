using Edge.Agent.Cameras.Frames;

namespace Edge.Agent.Cameras.Sources;

/// <summary>
/// One session with a camera: opened once, read frame by frame on one thread, disposed once. A lost
/// session is never reopened: the <see cref="Supervision.CameraSupervisor"/> makes a new source instead.
/// </summary>
/// <remarks>
/// Calls are blocking and come from one capture thread. Cancelling the token given to <see cref="Open"/>
/// or <see cref="ReadFrame"/> must make a blocked call return promptly (it throws
/// <see cref="OperationCanceledException"/>); that is how a stalled camera is torn down.
/// </remarks>
public interface ICameraSource : IDisposable
{
    /// <summary>What the source reads, for status reasons and logs (e.g. <c>ffmpeg -re -i clip.mp4</c>).</summary>
    string Description { get; }

    /// <summary>Connects to the camera; returns the geometry of every frame this session delivers.</summary>
    /// <exception cref="CameraSourceException">The camera cannot be opened; the message says why.</exception>
    FrameGeometry Open(CancellationToken cancellationToken);

    /// <summary>
    /// Waits for the next picture and writes it into <paramref name="frame"/> (geometry, pixels, timestamp).
    /// Returns false when the stream ended normally (a clip played to its end).
    /// </summary>
    /// <exception cref="CameraSourceException">The camera was lost; the message says why.</exception>
    bool ReadFrame(CameraFrame frame, CancellationToken cancellationToken);
}
