namespace Edge.Agent.Pipeline;

/// <summary>
/// What the frame pipeline tells the service: that it is ready (cameras and model up), that it is still
/// making progress (one heartbeat per processed frame), and a short state for systemd's STATUS line.
/// Written by pipeline threads, read by the systemd notifier; all members are thread-safe.
/// </summary>
public sealed class PipelineProgress
{
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _beats;
    private string _state = "starting";

    /// <summary>Completes when <see cref="ReportReady"/> is first called.</summary>
    public Task WhenReady => _ready.Task;

    public bool IsReady => _ready.Task.IsCompleted;

    /// <summary>Heartbeats so far; the watchdog pings only while this grows.</summary>
    public long Beats => Interlocked.Read(ref _beats);

    /// <summary>A few words on the pipeline's state ("running", "camera line1 reconnecting").</summary>
    public string State => Volatile.Read(ref _state);

    /// <summary>Cameras and model are up; the service may tell systemd it is ready. Later calls do nothing.</summary>
    public void ReportReady() => _ready.TrySetResult();

    /// <summary>One frame processed (or, with nothing to process, one turn of the idle loop).</summary>
    public void Heartbeat() => Interlocked.Increment(ref _beats);

    public void ReportState(string state) => Volatile.Write(ref _state, state);
}
