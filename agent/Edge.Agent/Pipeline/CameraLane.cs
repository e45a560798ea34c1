using Edge.Agent.Cameras.Frames;

namespace Edge.Agent.Pipeline;

/// <summary>
/// One camera's scorer, and during a shadow run the candidate's beside it, behind a lock taken once per frame:
/// the camera's worker scores under it and a model swap replaces the scorer under it, so the two never overlap.
/// </summary>
internal sealed class CameraLane : IDisposable
{
    private readonly Lock _gate = new();
    private CameraScorer _scorer;
    private CameraScorer? _shadow;
    private ShadowRecording? _recording;

    public CameraLane(CameraScorer scorer) => _scorer = scorer;

    public CameraScorer Scorer
    {
        get
        {
            lock (_gate)
            {
                return _scorer;
            }
        }
    }

    public void Score(CameraFrame frame)
    {
        lock (_gate)
        {
            _scorer.Score(frame);
            if (_shadow is { } shadow)
            {
                try
                {
                    var candidate = shadow.Measure(frame);
                    _recording!.Add(_scorer.LastScore / _scorer.Threshold, candidate / shadow.Threshold);
                }
#pragma warning disable CA1031 // Whatever the candidate does wrong is its verdict, never the live camera's failure.
                catch (Exception e)
#pragma warning restore CA1031
                {
                    _recording!.Failed($"camera {shadow.Camera}: {e.Message}");
                    shadow.Dispose();
                    _shadow = null;
                }
            }
        }
    }

    /// <summary>Puts <paramref name="next"/> in place and disposes the scorer it replaced (no frame holds it now).</summary>
    public void Replace(CameraScorer next)
    {
        CameraScorer old;
        lock (_gate)
        {
            old = _scorer;
            _scorer = next;
        }
        old.Dispose();
    }

    public void StartShadow(CameraScorer shadow, ShadowRecording recording)
    {
        lock (_gate)
        {
            _shadow?.Dispose();
            _shadow = shadow;
            _recording = recording;
        }
    }

    public void StopShadow()
    {
        lock (_gate)
        {
            _shadow?.Dispose();
            _shadow = null;
            _recording = null;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _scorer.Dispose();
            _shadow?.Dispose();
            _shadow = null;
        }
    }
}
