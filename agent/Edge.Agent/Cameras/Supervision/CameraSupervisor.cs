using System.Diagnostics;
using Edge.Agent.Cameras.Frames;
using Edge.Agent.Cameras.Health;
using Edge.Agent.Cameras.Sources;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Edge.Agent.Cameras.Supervision;

/// <summary>
/// Keeps one camera running on its own capture thread: opens a source, moves its frames into
/// <see cref="Frames"/> (a bounded queue that drops the oldest), runs the health checks, and when the
/// session is lost (error, end of stream, dead child, or no frame for the stall timeout) makes a new
/// source after a capped exponential backoff. Every change of state is published through
/// <see cref="Status"/> and <see cref="StatusChanged"/>.
/// </summary>
/// <remarks>
/// Events are raised on the capture thread, one at a time and in order; a handler must return quickly
/// and must not dispose the supervisor. The consumer reads <see cref="Frames"/> from one thread at a time.
/// </remarks>
public sealed class CameraSupervisor : IDisposable
{
    private static readonly TimeSpan JoinTimeout = TimeSpan.FromSeconds(30);

    private readonly Func<ICameraSource> _createSource;
    private readonly CameraSupervisorSettings _settings;
    private readonly ReconnectBackoff _backoff;
    private readonly ILogger _logger;
    private readonly CameraHealthMonitor? _health;
    private readonly CancellationTokenSource _stopping = new();
    private readonly StallWatchdog _watchdog;
    private readonly Thread _thread;
    private CameraStatus _status;
    private long _framesCaptured;
    private int _sessions;
    private long _nextSequence;
    private int _faults;
    private int _started;
    private int _disposed;

    public CameraSupervisor(string name, CameraSourceSettings source, CameraSupervisorSettings settings, ILogger? logger = null)
        : this(name, (source ?? throw new ArgumentNullException(nameof(source))).CreateSource, settings, logger)
    {
    }

    /// <param name="name">The camera's name, for status and logs.</param>
    /// <param name="createSource">Makes a fresh source for each session.</param>
    /// <param name="settings">Backoff, stall timeout, queue and health settings.</param>
    /// <param name="logger">Where state changes and faults are logged.</param>
    public CameraSupervisor(string name, Func<ICameraSource> createSource, CameraSupervisorSettings settings, ILogger? logger = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(createSource);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        Name = name;
        _createSource = createSource;
        _settings = settings;
        _backoff = settings.Backoff;
        _logger = logger ?? NullLogger.Instance;
        _health = settings.Health is null ? null : new CameraHealthMonitor(settings.Health);
        Frames = new FrameRing(settings.QueueCapacity);
        _status = new CameraStatus(CameraState.Stopped, "not started", DateTime.UtcNow, 0);
        _watchdog = new StallWatchdog(settings.StallTimeout);
        _thread = new Thread(Run) { IsBackground = true, Name = $"camera {name}" };
    }

    public string Name { get; }

    /// <summary>The frames, newest kept when the consumer is slow (see <see cref="FrameRing.Dropped"/>).</summary>
    public FrameRing Frames { get; }

    public CameraStatus Status => Volatile.Read(ref _status);

    /// <summary>Raised on each change of <see cref="Status"/>.</summary>
    public event EventHandler<CameraStatus>? StatusChanged;

    /// <summary>Raised when a camera fault appears or clears (not on every check).</summary>
    public event EventHandler<CameraHealthChangedEventArgs>? HealthChanged;

    /// <summary>The camera faults found by the latest health check that changed them.</summary>
    public CameraFaults Faults => (CameraFaults)Volatile.Read(ref _faults);

    /// <summary>The latest health check, if any ran.</summary>
    public CameraHealthReport? LatestHealth => _health?.Latest;

    /// <summary>Frames read from the camera since start, dropped ones included.</summary>
    public long FramesCaptured => Interlocked.Read(ref _framesCaptured);

    /// <summary>Sessions started (1 + reconnects).</summary>
    public int Sessions => Volatile.Read(ref _sessions);

    /// <summary>Starts the capture thread; once.</summary>
    public void Start()
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        if (Interlocked.Exchange(ref _started, 1) != 0)
        {
            throw new InvalidOperationException($"Camera {Name} was started already.");
        }
        _thread.Start();
    }

    /// <summary>Stops the capture thread (closing the source, killing any child process) and ends <see cref="Frames"/>.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        _stopping.Cancel();
        if (Volatile.Read(ref _started) != 0 && !_thread.Join(JoinTimeout))
        {
            CameraLog.CaptureThreadStuck(_logger, Name, JoinTimeout.TotalSeconds);
        }
        _watchdog.Dispose();
        Frames.Complete();
        SetStatus(CameraState.Stopped, null, Status.ConsecutiveFailures);
        _stopping.Dispose();
    }

    private void Run()
    {
        var failures = 0;
        string? lastReason = null;
        while (!_stopping.IsCancellationRequested)
        {
            SetStatus(CameraState.Starting, lastReason, failures);
            var outcome = RunSession(failures);
            if (_stopping.IsCancellationRequested)
            {
                return;
            }
            lastReason = outcome.Reason;
            if (outcome.Stalled)
            {
                SetStatus(CameraState.Stalled, outcome.Reason, failures);
            }
            failures = outcome.Streamed >= _settings.StableAfter ? 1 : failures + 1;
            if (outcome.Permanent || failures >= _settings.MaxConsecutiveFailures)
            {
                var why = outcome.Permanent ? outcome.Reason : $"{failures} sessions lost in a row; last: {outcome.Reason}";
                SetStatus(CameraState.Failed, why, failures);
                return;
            }
            var delay = _backoff.DelayAfter(failures);
            SetStatus(CameraState.Reconnecting, outcome.Reason, failures, delay);
            _stopping.Token.WaitHandle.WaitOne(delay);
        }
    }

    private SessionOutcome RunSession(int failures)
    {
        Interlocked.Increment(ref _sessions);
        using var session = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
        var token = session.Token;
        long streamingSince = 0;
        ICameraSource? source = null;
        _watchdog.Watch(session);
        try
        {
            source = _createSource();
            var geometry = source.Open(token);
            Frames.ReserveFrameBytes(geometry.FrameBytes);
            _watchdog.Progress();
            while (true)
            {
                var frame = Frames.WritableFrame;
                if (!source.ReadFrame(frame, token))
                {
                    return new SessionOutcome($"the stream ended ({source.Description})", Streamed(streamingSince));
                }
                _watchdog.Progress();
                frame.Sequence = _nextSequence++;
                Interlocked.Increment(ref _framesCaptured);
                if (streamingSince == 0)
                {
                    streamingSince = Stopwatch.GetTimestamp();
                    SetStatus(CameraState.Streaming, null, failures);
                }
                CheckHealth(frame);
                Frames.Publish();
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Whatever went wrong with this camera, the others keep running and this one is retried. A
            // source torn down by the watchdog may fail in its own way: the stall is the reason.
            var streamed = Streamed(streamingSince);
            if (_watchdog.Unwatch())
            {
                var what = source?.Description ?? "source not made";
                return new SessionOutcome($"no frame for {_settings.StallTimeout.TotalSeconds:0.###} s ({what})", streamed, Stalled: true);
            }
            return e switch
            {
                OperationCanceledException when token.IsCancellationRequested => new SessionOutcome("stopped", streamed),
                CameraSourceException lost => new SessionOutcome(lost.Message, streamed, Permanent: lost.IsPermanent),
                _ => new SessionOutcome($"{e.GetType().Name}: {e.Message}", streamed),
            };
        }
        finally
        {
            _watchdog.Unwatch();
            source?.Dispose();
        }
    }

    private static TimeSpan Streamed(long since) => since == 0 ? TimeSpan.Zero : Stopwatch.GetElapsedTime(since);

    private void CheckHealth(CameraFrame frame)
    {
        if (_health?.Observe(frame) is not { } report || report.Faults == Faults)
        {
            return;
        }
        var previous = Faults;
        Volatile.Write(ref _faults, (int)report.Faults);
        if (report.Faults == CameraFaults.None)
        {
            CameraLog.FaultsCleared(_logger, Name);
        }
        else
        {
            CameraLog.FaultFound(_logger, Name, report.Description);
        }
        Raise(HealthChanged, new CameraHealthChangedEventArgs(report, previous));
    }

    private void SetStatus(CameraState state, string? reason, int failures, TimeSpan? retryIn = null)
    {
        var status = new CameraStatus(state, reason, DateTime.UtcNow, failures, retryIn);
        Volatile.Write(ref _status, status);
        CameraLog.StatusChanged(_logger, Name, status);
        Raise(StatusChanged, status);
    }

    private void Raise<T>(EventHandler<T>? handler, T args)
    {
        try
        {
            handler?.Invoke(this, args);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A subscriber's bug must not stop the camera; it is logged.
            CameraLog.HandlerFailed(_logger, Name, e);
        }
    }
}
