namespace Edge.Agent.Cameras.Sources.V4l2;

/// <summary>
/// The streaming operations a V4L2 capture needs. <see cref="V4l2Device"/> does them with ioctls on a
/// real device; tests that cannot have a camera here use a simulated one.
/// </summary>
internal interface IV4l2Device : IDisposable
{
    string Path { get; }

    V4l2DeviceInfo QueryCapabilities();

    /// <summary>The pixel formats the device offers: fourcc and the driver's description.</summary>
    IReadOnlyList<(uint FourCc, string Description)> EnumerateFormats();

    V4l2StreamFormat SetFormat(int width, int height, uint fourCc);

    /// <summary>Asks for a frame rate; false when the device does not let it be set.</summary>
    bool SetFrameRate(double framesPerSecond);

    /// <summary>Requests and maps the buffers, queues them all and starts streaming; returns the buffers granted.</summary>
    int StartStreaming(int bufferCount);

    V4l2PollResult Poll(int timeoutMilliseconds);

    /// <summary>Takes the oldest filled buffer; null when none is ready yet (EAGAIN).</summary>
    V4l2DequeuedBuffer? Dequeue();

    /// <summary>The picture bytes of a dequeued buffer: exactly <see cref="V4l2DequeuedBuffer.BytesUsed"/> long, valid until it is requeued.</summary>
    ReadOnlySpan<byte> Data(in V4l2DequeuedBuffer buffer);

    void Requeue(in V4l2DequeuedBuffer buffer);

    /// <summary>The driver clock's current time, to turn buffer timestamps into wall-clock time.</summary>
    TimeSpan ClockNow();
}
