using Edge.Agent.Cameras.Frames;

namespace Edge.Agent.Cameras.Sources.Ffmpeg;

/// <summary>
/// A camera read through <c>ffmpeg</c>: RTSP, HTTP, files, loops of a file, any input ffmpeg opens.
/// </summary>
/// <param name="InputArguments">
/// ffmpeg's input options and input, as on its command line, e.g. <c>-re -stream_loop -1 -i clip.mp4</c>
/// or <c>-rtsp_transport tcp -i rtsp://cam/stream</c>. Quotes group words as in a shell.
/// </param>
public sealed record FfmpegSourceSettings(string InputArguments) : CameraSourceSettings
{
    /// <summary>Width to scale to; with <see cref="Height"/>, or neither (then the input's own size is used).</summary>
    public int? Width { get; init; }

    /// <summary>Height to scale to; with <see cref="Width"/>, or neither.</summary>
    public int? Height { get; init; }

    /// <summary>Frame rate to convert to (ffmpeg's <c>-r</c>); null keeps the input's.</summary>
    public double? FramesPerSecond { get; init; }

    public FramePixelFormat PixelFormat { get; init; } = FramePixelFormat.Rgb24;

    /// <summary>The ffmpeg program, a name looked up on PATH or a path.</summary>
    public string Executable { get; init; } = "ffmpeg";

    /// <summary>Lines of ffmpeg's stderr kept for failure reasons.</summary>
    public int StderrLines { get; init; } = 20;

    public override ICameraSource CreateSource() => new FfmpegSource(this);
}
