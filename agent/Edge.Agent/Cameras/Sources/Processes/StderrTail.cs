namespace Edge.Agent.Cameras.Sources.Processes;

/// <summary>The last lines a child process wrote to stderr, kept to explain why it failed.</summary>
public sealed class StderrTail
{
    private readonly Lock _lock = new();
    private readonly string[] _lines;
    private int _next;
    private int _count;

    public StderrTail(int lineCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(lineCount, 1);
        _lines = new string[lineCount];
    }

    public void Add(string line)
    {
        lock (_lock)
        {
            _lines[_next] = line;
            _next = (_next + 1) % _lines.Length;
            _count = Math.Min(_count + 1, _lines.Length);
        }
    }

    /// <summary>The kept lines, oldest first.</summary>
    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lock)
            {
                var result = new string[_count];
                var start = (_next - _count + _lines.Length) % _lines.Length;
                for (var i = 0; i < _count; i++)
                {
                    result[i] = _lines[(start + i) % _lines.Length];
                }
                return result;
            }
        }
    }

    /// <summary>The kept lines joined with " | ", or an empty string when there are none.</summary>
    public override string ToString() => string.Join(" | ", Lines);
}
