using System.Collections.Concurrent;
using System.Diagnostics;
using Edge.Fleet;

namespace Edge.Agent.Health;

/// <summary>
/// Figures the parts of the agent report as they work (the pipeline: frames, inference times, camera
/// states; the outbox: its depth) and the health message, STATUS line and status page read.
/// All members are thread-safe; recording allocates nothing after a camera's first frame.
/// </summary>
public sealed class HealthMetrics
{
    private static readonly TimeSpan RateWindow = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<string, CameraCounters> _cameras = new(StringComparer.Ordinal);
    private readonly LatencyWindow _inference = new(1024);
    private readonly long _started = Stopwatch.GetTimestamp();
    private long _outboxDepth;
    private long _outboxEvicted;
    private string? _modelVersion;
    private string? _executionProvider;
    private ModelState? _modelUpdate;

    public string? ModelVersion
    {
        get => Volatile.Read(ref _modelVersion);
        set => Volatile.Write(ref _modelVersion, value);
    }

    public string? ExecutionProvider
    {
        get => Volatile.Read(ref _executionProvider);
        set => Volatile.Write(ref _executionProvider, value);
    }

    /// <summary>The model updater's latest state (downloading, validating, probation...), as published on the model state topic; null before it starts.</summary>
    public ModelState? ModelUpdate
    {
        get => Volatile.Read(ref _modelUpdate);
        set => Volatile.Write(ref _modelUpdate, value);
    }

    public long OutboxDepth => Interlocked.Read(ref _outboxDepth);

    /// <summary>Registers a camera so that it appears in reports before its first frame.</summary>
    public void AddCamera(string camera) => Counters(camera);

    public void FrameProcessed(string camera) => Counters(camera).Frames.Mark(Stopwatch.GetTimestamp());

    /// <summary>The camera's dropped-frame count so far (a running total, as its frame queue counts them).</summary>
    public void FramesDropped(string camera, long total) => Interlocked.Exchange(ref Counters(camera).Dropped, total);

    public void CameraState(string camera, string state, string faults = "")
    {
        var counters = Counters(camera);
        Volatile.Write(ref counters.State, state);
        Volatile.Write(ref counters.Faults, faults);
    }

    public void InferenceTime(TimeSpan elapsed) => _inference.Record(elapsed.TotalMilliseconds);

    public void Outbox(long depth, long evicted)
    {
        Interlocked.Exchange(ref _outboxDepth, depth);
        Interlocked.Exchange(ref _outboxEvicted, evicted);
    }

    public HealthReport Snapshot(string state)
    {
        var now = Stopwatch.GetTimestamp();
        var cameras = new SortedDictionary<string, CameraHealthEntry>(StringComparer.Ordinal);
        foreach (var (name, c) in _cameras)
        {
            cameras[name] = new CameraHealthEntry(
                Volatile.Read(ref c.State),
                Math.Round(c.Frames.PerSecond(now, Stopwatch.Frequency), 2),
                c.Frames.Total,
                Interlocked.Read(ref c.Dropped),
                Volatile.Read(ref c.Faults));
        }
        return new HealthReport
        {
            Time = DateTime.UtcNow,
            State = state,
            UptimeSeconds = Math.Round(Stopwatch.GetElapsedTime(_started, now).TotalSeconds, 1),
            Fps = Math.Round(cameras.Values.Sum(c => c.Fps), 2),
            InferenceP50Ms = _inference.Percentile(50),
            InferenceP99Ms = _inference.Percentile(99),
            DroppedFrames = cameras.Values.Sum(c => c.DroppedFrames),
            OutboxDepth = Interlocked.Read(ref _outboxDepth),
            OutboxEvicted = Interlocked.Read(ref _outboxEvicted),
            ModelVersion = ModelVersion,
            ExecutionProvider = ExecutionProvider,
            Cameras = cameras,
        };
    }

    private CameraCounters Counters(string camera) => _cameras.GetOrAdd(camera, static _ => new CameraCounters());

    private sealed class CameraCounters
    {
#pragma warning disable SA1401, CA1051 // Fields, so that Interlocked and Volatile can work on them.
        public readonly RateMeter Frames = new(RateWindow);
        public long Dropped;
        public string State = "starting";
        public string Faults = "";
#pragma warning restore SA1401, CA1051
    }
}
