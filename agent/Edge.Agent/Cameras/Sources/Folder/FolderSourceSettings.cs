using Edge.Agent.Cameras.Frames;

namespace Edge.Agent.Cameras.Sources.Folder;

/// <summary>A folder of PNG and JPEG images replayed as a camera, in file-name order, at a set rate.</summary>
/// <param name="Directory">The folder; its .png, .jpg and .jpeg files are played (sub-folders are not).</param>
public sealed record FolderSourceSettings(string Directory) : CameraSourceSettings
{
    public double FramesPerSecond { get; init; } = 1;

    /// <summary>Start again from the first image after the last; false ends the stream.</summary>
    public bool Loop { get; init; } = true;

    public FramePixelFormat PixelFormat { get; init; } = FramePixelFormat.Rgb24;

    public override ICameraSource CreateSource() => new FolderSource(this);
}
