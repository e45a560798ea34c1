namespace Edge.Agent.Cameras.Sources.V4l2;

/// <summary>A filled buffer taken from the driver with VIDIOC_DQBUF; it must be queued back.</summary>
/// <param name="Index">The buffer's number.</param>
/// <param name="BytesUsed">Bytes of picture data in it (the rest of the buffer is stale).</param>
/// <param name="Flags">V4L2_BUF_FLAG_* bits.</param>
/// <param name="Timestamp">Capture time on the driver's clock (CLOCK_MONOTONIC for most drivers).</param>
/// <param name="Sequence">The driver's frame counter; gaps mean the driver dropped frames.</param>
internal readonly record struct V4l2DequeuedBuffer(int Index, int BytesUsed, uint Flags, TimeSpan Timestamp, uint Sequence);
