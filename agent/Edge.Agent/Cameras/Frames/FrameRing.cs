using System.Diagnostics.CodeAnalysis;
using System.Threading.Channels;
using System.Threading.Tasks.Sources;

namespace Edge.Agent.Cameras.Frames;

/// <summary>
/// A bounded queue of pre-allocated frames between one producer (a camera's capture thread) and one
/// consumer (its inference loop). When the consumer falls behind, the producer overwrites the OLDEST
/// queued frame and counts it in <see cref="Dropped"/>: the consumer always gets the newest pictures and
/// memory never grows. Frames are swapped, never copied; nothing is allocated per frame.
/// </summary>
/// <remarks>
/// Concurrency: exactly one thread at a time may call the producer members (<see cref="WritableFrame"/>,
/// <see cref="Publish"/>, <see cref="Complete"/>) and one the consumer members (<see cref="TryRead"/>,
/// <see cref="ReadAsync"/>); the two sides may run at once. Dropping the oldest frame means the producer
/// moves the consumer's end of the queue, so both ends are updated under one short lock (a few reference
/// swaps) instead of a lock-free protocol.
/// A frame returned to the consumer stays untouched until the consumer's next read, which hands it back.
/// </remarks>
public sealed class FrameRing : IValueTaskSource<CameraFrame>
{
    private readonly Lock _lock = new();
    private readonly CameraFrame[] _queue;
    private readonly CameraFrame[] _free;
    private int _head;
    private int _count;
    private int _freeCount;
    private CameraFrame _writing;
    private CameraFrame? _reading;
    private long _published;
    private long _dropped;
    private bool _completed;

    // The one pending ReadAsync, if any.
    private ManualResetValueTaskSourceCore<CameraFrame> _waiter = new() { RunContinuationsAsynchronously = true };
    private bool _waiting;
    private CancellationToken _waitToken;
    private CancellationTokenRegistration _waitRegistration;

    /// <param name="capacity">Frames the queue holds before it drops the oldest (two more exist: the producer's and the consumer's).</param>
    /// <param name="frameBytes">Bytes to pre-allocate per frame (frames grow on first use if this is too small).</param>
    public FrameRing(int capacity, int frameBytes = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(frameBytes);
        _queue = new CameraFrame[capacity];
        _free = new CameraFrame[capacity + 1];
        for (var i = 0; i < _free.Length; i++)
        {
            _free[i] = new CameraFrame(frameBytes);
        }
        _freeCount = _free.Length;
        _writing = new CameraFrame(frameBytes);
    }

    public int Capacity => _queue.Length;

    /// <summary>Frames waiting for the consumer.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _count;
            }
        }
    }

    /// <summary>Frames handed to <see cref="Publish"/> since creation.</summary>
    public long Published => Interlocked.Read(ref _published);

    /// <summary>Frames overwritten before the consumer read them.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>The frame the producer fills next; it belongs to the producer until <see cref="Publish"/>.</summary>
    public CameraFrame WritableFrame => _writing;

    /// <summary>
    /// Producer side: grows every frame the producer may fill next to <paramref name="frameBytes"/> now (the
    /// frames queued or held by the consumer grow when they come back), so that a new stream's first
    /// frames do not allocate while capturing.
    /// </summary>
    public void ReserveFrameBytes(int frameBytes)
    {
        lock (_lock)
        {
            _writing.Reserve(frameBytes);
            for (var i = 0; i < _freeCount; i++)
            {
                _free[i].Reserve(frameBytes);
            }
        }
    }

    /// <summary>Queues <see cref="WritableFrame"/> for the consumer and gives the producer another frame to fill.</summary>
    public void Publish()
    {
        CameraFrame? handedToWaiter = null;
        CancellationTokenRegistration registration = default;
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_completed, this);
            var filled = _writing;
            Interlocked.Increment(ref _published);
            if (_waiting)
            {
                _waiting = false;
                registration = _waitRegistration;
                _waitRegistration = default;
                _reading = filled;
                handedToWaiter = filled;
                _writing = _free[--_freeCount];
            }
            else if (_count == _queue.Length)
            {
                // Full: the oldest queued frame is the one the producer overwrites next.
                _writing = _queue[_head];
                _queue[_head] = filled;
                _head = (_head + 1) % _queue.Length;
                Interlocked.Increment(ref _dropped);
            }
            else
            {
                _queue[(_head + _count) % _queue.Length] = filled;
                _count++;
                _writing = _free[--_freeCount];
            }
        }
        if (handedToWaiter is not null)
        {
            registration.Unregister();
            _waiter.SetResult(handedToWaiter);
        }
    }

    /// <summary>Ends the stream: a pending or later read throws <see cref="ChannelClosedException"/> once the queue is empty.</summary>
    public void Complete()
    {
        CancellationTokenRegistration registration;
        lock (_lock)
        {
            if (_completed)
            {
                return;
            }
            _completed = true;
            if (!_waiting)
            {
                return;
            }
            _waiting = false;
            registration = _waitRegistration;
            _waitRegistration = default;
        }
        registration.Unregister();
        _waiter.SetException(new ChannelClosedException("The camera's frame stream has ended."));
    }

    /// <summary>Takes the oldest queued frame, if any, and hands back the one read before.</summary>
    public bool TryRead([NotNullWhen(true)] out CameraFrame? frame)
    {
        lock (_lock)
        {
            ThrowIfReadPending();
            ReleaseReadFrame();
            frame = DequeueOrNull();
            return frame is not null;
        }
    }

    /// <summary>
    /// Waits for the oldest queued frame and hands back the one read before. Throws
    /// <see cref="ChannelClosedException"/> after <see cref="Complete"/> once the queue is empty.
    /// </summary>
    public ValueTask<CameraFrame> ReadAsync(CancellationToken cancellationToken = default)
    {
        short version;
        lock (_lock)
        {
            ThrowIfReadPending();
            ReleaseReadFrame();
            var frame = DequeueOrNull();
            if (frame is not null)
            {
                return new ValueTask<CameraFrame>(frame);
            }
            if (_completed)
            {
                return ValueTask.FromException<CameraFrame>(new ChannelClosedException("The camera's frame stream has ended."));
            }
            if (cancellationToken.IsCancellationRequested)
            {
                return ValueTask.FromCanceled<CameraFrame>(cancellationToken);
            }
            _waiter.Reset();
            version = _waiter.Version;
            _waiting = true;
            _waitToken = cancellationToken;
        }
        if (cancellationToken.CanBeCanceled)
        {
            var registration = cancellationToken.UnsafeRegister(static ring => ((FrameRing)ring!).CancelWait(), this);
            var stillWaiting = false;
            lock (_lock)
            {
                if (_waiting && _waiter.Version == version)
                {
                    _waitRegistration = registration;
                    stillWaiting = true;
                }
            }
            if (!stillWaiting)
            {
                registration.Unregister();
            }
        }
        return new ValueTask<CameraFrame>(this, version);
    }

    private void CancelWait()
    {
        lock (_lock)
        {
            // A late callback from an earlier wait must not cancel a later one made with another token.
            if (!_waiting || !_waitToken.IsCancellationRequested)
            {
                return;
            }
            _waiting = false;
            _waitRegistration = default;
        }
        _waiter.SetException(new OperationCanceledException(_waitToken));
    }

    private void ThrowIfReadPending()
    {
        if (_waiting)
        {
            throw new InvalidOperationException("A ReadAsync is already pending: the ring has a single consumer.");
        }
    }

    private void ReleaseReadFrame()
    {
        if (_reading is not null)
        {
            _free[_freeCount++] = _reading;
            _reading = null;
        }
    }

    private CameraFrame? DequeueOrNull()
    {
        if (_count == 0)
        {
            return null;
        }
        var frame = _queue[_head];
        _queue[_head] = null!;
        _head = (_head + 1) % _queue.Length;
        _count--;
        _reading = frame;
        return frame;
    }

    CameraFrame IValueTaskSource<CameraFrame>.GetResult(short token) => _waiter.GetResult(token);

    ValueTaskSourceStatus IValueTaskSource<CameraFrame>.GetStatus(short token) => _waiter.GetStatus(token);

    void IValueTaskSource<CameraFrame>.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags)
        => _waiter.OnCompleted(continuation, state, token, flags);
}
