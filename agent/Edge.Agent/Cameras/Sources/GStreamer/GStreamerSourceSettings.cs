using Edge.Agent.Cameras.Frames;

namespace Edge.Agent.Cameras.Sources.GStreamer;

/// <summary>
/// A camera read through a <c>gst-launch-1.0</c> pipeline that ends in raw caps and <c>fdsink</c>, e.g. a
/// Jetson CSI camera: <c>nvarguscamerasrc ! nvvidconv ! video/x-raw,format=RGBA ! videoconvert !
/// video/x-raw,format=RGB,width=1280,height=720 ! fdsink</c>.
/// </summary>
/// <param name="Pipeline">The pipeline as given to gst-launch-1.0; quotes group words as in a shell.</param>
public sealed record GStreamerSourceSettings(string Pipeline) : CameraSourceSettings
{
    /// <summary>Frame width; null takes it from the pipeline's last <c>video/x-raw</c> caps.</summary>
    public int? Width { get; init; }

    /// <summary>Frame height; null takes it from the pipeline's last <c>video/x-raw</c> caps.</summary>
    public int? Height { get; init; }

    /// <summary>Pixel format; null takes it from the caps (<c>format=RGB</c> or <c>format=GRAY8</c>).</summary>
    public FramePixelFormat? PixelFormat { get; init; }

    /// <summary>The gst-launch-1.0 program, a name looked up on PATH or a path.</summary>
    public string Executable { get; init; } = "gst-launch-1.0";

    /// <summary>Lines of gst-launch's stderr kept for failure reasons.</summary>
    public int StderrLines { get; init; } = 20;

    public override ICameraSource CreateSource() => new GStreamerSource(this);
}
