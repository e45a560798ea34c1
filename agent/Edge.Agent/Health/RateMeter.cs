namespace Edge.Agent.Health;

/// <summary>
/// Events per second over the most recent events (up to 64, none older than the window), from their
/// timestamps, so that any number of readers can ask without resetting a counter. Thread-safe.
/// </summary>
internal sealed class RateMeter
{
    private readonly long[] _times = new long[64];
    private readonly TimeSpan _window;
    private readonly Lock _gate = new();
    private int _next;
    private int _count;
    private long _total;

    public RateMeter(TimeSpan window)
    {
        _window = window;
    }

    public long Total => Interlocked.Read(ref _total);

    public void Mark(long timestamp)
    {
        lock (_gate)
        {
            _times[_next] = timestamp;
            _next = (_next + 1) % _times.Length;
            _count = Math.Min(_count + 1, _times.Length);
            _total++;
        }
    }

    /// <summary>Events per second, 0 when fewer than two events fall in the window ending at <paramref name="now"/>.</summary>
    public double PerSecond(long now, long ticksPerSecond)
    {
        lock (_gate)
        {
            var oldestAllowed = now - (long)(_window.TotalSeconds * ticksPerSecond);
            long first = long.MaxValue;
            long last = long.MinValue;
            var inWindow = 0;
            for (var i = 0; i < _count; i++)
            {
                var t = _times[i];
                if (t >= oldestAllowed)
                {
                    inWindow++;
                    first = Math.Min(first, t);
                    last = Math.Max(last, t);
                }
            }
            return inWindow < 2 || last == first ? 0 : (inWindow - 1) * (double)ticksPerSecond / (last - first);
        }
    }
}
