using System.Diagnostics;

namespace Edge.Agent.Cameras.Sources.Folder;

/// <summary>
/// Releases frames at a fixed rate on a schedule (start + n × interval), so waits do not drift. A caller
/// that fell more than one interval behind is put back on a schedule starting now instead of bursting.
/// </summary>
internal sealed class FramePacer
{
    private readonly long _intervalTicks;
    private long _next;

    public FramePacer(double framesPerSecond)
    {
        if (!(framesPerSecond > 0) || double.IsInfinity(framesPerSecond))
        {
            throw new ArgumentOutOfRangeException(nameof(framesPerSecond), framesPerSecond, "The frame rate must be a positive number.");
        }
        _intervalTicks = (long)(Stopwatch.Frequency / framesPerSecond);
    }

    /// <summary>Waits until the next frame is due (the first is due at once).</summary>
    /// <exception cref="OperationCanceledException">Cancelled while waiting.</exception>
    public void WaitForNext(CancellationToken cancellationToken)
    {
        var now = Stopwatch.GetTimestamp();
        if (_next == 0 || now - _next > _intervalTicks)
        {
            _next = now;
        }
        var wait = Stopwatch.GetElapsedTime(now, _next);
        if (wait > TimeSpan.Zero && cancellationToken.WaitHandle.WaitOne(wait))
        {
            cancellationToken.ThrowIfCancellationRequested();
        }
        cancellationToken.ThrowIfCancellationRequested();
        _next += _intervalTicks;
    }
}
