using Edge.Agent.Cameras.Frames;

namespace Edge.Agent.Cameras.Sources.V4l2;

/// <summary>A camera read natively from a V4L2 device (USB UVC cameras, capture cards) with mmap streaming.</summary>
/// <param name="DevicePath">The device, e.g. <c>/dev/video0</c> or a stable <c>/dev/v4l/by-id/...</c> link.</param>
public sealed record V4l2SourceSettings(string DevicePath) : CameraSourceSettings
{
    /// <summary>Width asked of the device; the driver may pick the nearest size it supports.</summary>
    public int Width { get; init; } = 640;

    /// <summary>Height asked of the device; the driver may pick the nearest size it supports.</summary>
    public int Height { get; init; } = 480;

    public V4l2InputFormat InputFormat { get; init; } = V4l2InputFormat.Yuyv;

    /// <summary>Format of the delivered frames.</summary>
    public FramePixelFormat PixelFormat { get; init; } = FramePixelFormat.Rgb24;

    /// <summary>Buffers shared with the driver (the driver may grant a different number; at least 2 are needed).</summary>
    public int BufferCount { get; init; } = 4;

    /// <summary>Frame rate asked of the device, if it lets it be set; null keeps its default.</summary>
    public double? FramesPerSecond { get; init; }

    public override ICameraSource CreateSource() => new V4l2Source(this);
}
