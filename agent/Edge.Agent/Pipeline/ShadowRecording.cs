namespace Edge.Agent.Pipeline;

/// <summary>
/// The scores two models gave the same live frames during a shadow run, each relative to that model's own
/// threshold for the camera (1.0 = at the threshold, above = an alarm frame). Thread-safe: cameras add concurrently.
/// </summary>
public sealed class ShadowRecording
{
    private readonly List<double> _active = [];
    private readonly List<double> _candidate = [];
    private readonly Lock _gate = new();
    private string? _fault;

    /// <summary>Why the candidate could not score a frame, if it failed once.</summary>
    public string? Fault
    {
        get
        {
            lock (_gate)
            {
                return _fault;
            }
        }
    }

    public void Add(double activeRelative, double candidateRelative)
    {
        lock (_gate)
        {
            _active.Add(activeRelative);
            _candidate.Add(candidateRelative);
        }
    }

    public void Failed(string reason)
    {
        lock (_gate)
        {
            _fault ??= reason;
        }
    }

    public (IReadOnlyList<double> Active, IReadOnlyList<double> Candidate) Scores()
    {
        lock (_gate)
        {
            return ([.. _active], [.. _candidate]);
        }
    }
}
