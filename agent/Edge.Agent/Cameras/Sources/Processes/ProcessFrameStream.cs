using Edge.Agent.Cameras.Frames;

namespace Edge.Agent.Cameras.Sources.Processes;

/// <summary>
/// The reading half shared by the child-process sources: frames from the child's stdout, cancellation
/// that kills the child (so a blocked read returns), and an end-of-stream verdict built from how the
/// child exited.
/// </summary>
internal sealed class ProcessFrameStream : IDisposable
{
    private static readonly TimeSpan ExitWait = TimeSpan.FromSeconds(5);

    private readonly ChildProcess _child;
    private readonly RawFrameReader _reader;
    private CancellationToken _watchedToken;
    private CancellationTokenRegistration _killOnCancel;

    public ProcessFrameStream(ChildProcess child, FrameGeometry geometry, int streamRowBytes)
    {
        _child = child;
        _reader = new RawFrameReader(child.Output, geometry, streamRowBytes);
    }

    /// <summary>Makes cancellation of <paramref name="cancellationToken"/> kill the child (registered once per token).</summary>
    public void KillOnCancel(CancellationToken cancellationToken)
    {
        if (cancellationToken == _watchedToken)
        {
            return;
        }
        _killOnCancel.Dispose();
        _watchedToken = cancellationToken;
        _killOnCancel = cancellationToken.UnsafeRegister(static child => ((ChildProcess)child!).Kill(), _child);
    }

    public bool ReadFrame(CameraFrame frame, CancellationToken cancellationToken)
    {
        KillOnCancel(cancellationToken);
        if (_reader.Read(frame))
        {
            frame.TimestampUtc = DateTime.UtcNow;
            return true;
        }
        cancellationToken.ThrowIfCancellationRequested();
        var exit = _child.DescribeExit(ExitWait);
        if (_child.ExitCode == 0 && !_reader.EndedMidFrame)
        {
            return false;
        }
        var where = _reader.EndedMidFrame ? "in the middle of a frame" : "between frames";
        throw new CameraSourceException($"The stream ended {where}: {exit}");
    }

    public void Dispose()
    {
        _killOnCancel.Dispose();
        _child.Dispose();
    }
}
