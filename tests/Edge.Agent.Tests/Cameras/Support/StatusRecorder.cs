using Edge.Agent.Cameras.Supervision;

namespace Edge.Agent.Tests.Cameras.Support;

/// <summary>Records a supervisor's status changes and waits for a condition on them.</summary>
internal sealed class StatusRecorder
{
    private readonly object _lock = new();
    private readonly List<CameraStatus> _statuses = [];

    public StatusRecorder(CameraSupervisor supervisor)
    {
        supervisor.StatusChanged += (_, status) =>
        {
            lock (_lock)
            {
                _statuses.Add(status);
                Monitor.PulseAll(_lock);
            }
        };
    }

    public IReadOnlyList<CameraStatus> Snapshot()
    {
        lock (_lock)
        {
            return [.. _statuses];
        }
    }

    /// <summary>Waits until <paramref name="condition"/> holds over the recorded statuses; fails the test with them after <paramref name="timeout"/>.</summary>
    public IReadOnlyList<CameraStatus> WaitFor(Func<IReadOnlyList<CameraStatus>, bool> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        lock (_lock)
        {
            while (!condition(_statuses))
            {
                var left = deadline - DateTime.UtcNow;
                if (left <= TimeSpan.Zero)
                {
                    Assert.Fail($"Timed out waiting for {what}; statuses so far:\n{string.Join("\n", _statuses)}");
                }
                Monitor.Wait(_lock, left);
            }
            return [.. _statuses];
        }
    }

    public IReadOnlyList<CameraStatus> WaitForCount(CameraState state, int count, TimeSpan timeout) =>
        WaitFor(s => s.Count(x => x.State == state) >= count, timeout, $"{count} × {state}");
}
