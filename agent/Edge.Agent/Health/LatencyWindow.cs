namespace Edge.Agent.Health;

/// <summary>The last N latencies, for percentiles. Recording is O(1) and allocation-free; thread-safe.</summary>
internal sealed class LatencyWindow
{
    private readonly double[] _milliseconds;
    private readonly Lock _gate = new();
    private int _next;
    private int _count;

    public LatencyWindow(int capacity)
    {
        _milliseconds = new double[capacity];
    }

    public void Record(double milliseconds)
    {
        lock (_gate)
        {
            _milliseconds[_next] = milliseconds;
            _next = (_next + 1) % _milliseconds.Length;
            _count = Math.Min(_count + 1, _milliseconds.Length);
        }
    }

    /// <summary>The nearest-rank percentile (0 &lt; p ≤ 100) of the recorded values, or null when none.</summary>
    public double? Percentile(double p)
    {
        double[] sorted;
        lock (_gate)
        {
            if (_count == 0)
            {
                return null;
            }
            sorted = _milliseconds.AsSpan(0, _count).ToArray();
        }
        Array.Sort(sorted);
        var rank = (int)Math.Ceiling(p / 100 * sorted.Length);
        return sorted[Math.Clamp(rank, 1, sorted.Length) - 1];
    }
}
