namespace Edge.Agent.Http;

/// <summary>One point of a camera's score history: the normalized score, and whether an alarm of the camera was open.</summary>
public readonly record struct ScorePoint(DateTime TimeUtc, double Normalized, bool Alarming);

/// <summary>
/// One camera's recent normalized scores, a fixed ring (no allocation per point) of one point per live-view copy.
/// Not thread-safe: <see cref="LiveView"/> holds the camera's lock around it.
/// </summary>
internal sealed class ScoreHistory(int capacity)
{
    private readonly ScorePoint[] _points = new ScorePoint[capacity];
    private int _next;
    private int _count;

    public void Add(ScorePoint point)
    {
        _points[_next] = point;
        _next = (_next + 1) % _points.Length;
        _count = Math.Min(_count + 1, _points.Length);
    }

    /// <summary>The points at or after <paramref name="sinceUtc"/>, oldest first.</summary>
    public ScorePoint[] Since(DateTime sinceUtc)
    {
        var oldest = (_next - _count + _points.Length) % _points.Length;
        return Enumerable.Range(0, _count).Select(i => _points[(oldest + i) % _points.Length]).Where(p => p.TimeUtc >= sinceUtc).ToArray();
    }
}
