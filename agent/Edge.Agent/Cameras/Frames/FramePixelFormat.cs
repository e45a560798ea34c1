namespace Edge.Agent.Cameras.Frames;

/// <summary>How the pixels of a <see cref="CameraFrame"/> are laid out: rows top to bottom, no padding between rows.</summary>
public enum FramePixelFormat
{
    /// <summary>Three bytes per pixel, red, green, blue.</summary>
    Rgb24,

    /// <summary>One byte per pixel, luma.</summary>
    Gray8,
}
