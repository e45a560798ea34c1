using Edge.Agent.Cameras.Frames;
using Edge.Agent.Cameras.Sources.Processes;

namespace Edge.Agent.Cameras.Sources.GStreamer;

/// <summary>
/// Frames from a child <c>gst-launch-1.0 -q &lt;pipeline&gt;</c> whose last element, <c>fdsink</c>, writes
/// raw frames to stdout (<c>-q</c> keeps gst-launch's own messages off stdout).
/// </summary>
public sealed class GStreamerSource : ICameraSource
{
    private const string InstallHint = "Install GStreamer's tools (Debian: apt-get install gstreamer1.0-tools gstreamer1.0-plugins-base gstreamer1.0-plugins-good).";

    private readonly GStreamerSourceSettings _settings;
    private readonly IReadOnlyList<string> _arguments;
    private readonly FrameGeometry _geometry;
    private ChildProcess? _child;
    private ProcessFrameStream? _frames;

    /// <exception cref="CameraSourceException">The pipeline or settings are unusable (permanent).</exception>
    public GStreamerSource(GStreamerSourceSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _settings = settings;
        _geometry = GStreamerPipelineText.ResolveGeometry(settings);
        try
        {
            _arguments = ["-q", .. ArgumentSplitter.Split(settings.Pipeline)];
        }
        catch (FormatException e)
        {
            throw new CameraSourceException($"gstreamer: cannot read the pipeline: {e.Message}", isPermanent: true, e);
        }
    }

    public string Description => $"gst-launch-1.0 {_settings.Pipeline}";

    /// <summary>The running gst-launch-1.0's process id, once opened.</summary>
    public int? ProcessId => _child?.Id;

    public FrameGeometry Open(CancellationToken cancellationToken)
    {
        if (_child is not null)
        {
            throw new InvalidOperationException("This source was opened already; make a new one per session.");
        }
        cancellationToken.ThrowIfCancellationRequested();
        _child = ChildProcess.Start(_settings.Executable, _arguments, InstallHint, _settings.StderrLines);
        _frames = new ProcessFrameStream(_child, _geometry, GStreamerPipelineText.StreamRowBytes(_geometry));
        _frames.KillOnCancel(cancellationToken);
        return _geometry;
    }

    public bool ReadFrame(CameraFrame frame, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var frames = _frames ?? throw new InvalidOperationException("Open the source before reading frames.");
        return frames.ReadFrame(frame, cancellationToken);
    }

    public void Dispose() => _frames?.Dispose();
}
