using Edge.Agent.Cameras.Frames;
using Edge.Agent.Cameras.Sources.Processes;

namespace Edge.Agent.Cameras.Sources.Ffmpeg;

/// <summary>
/// Frames from a child <c>ffmpeg &lt;input arguments&gt; ... -f rawvideo -pix_fmt rgb24 pipe:1</c>, read as
/// exact frame-sized chunks of its stdout. The size is the configured one (ffmpeg scales to it) or, when
/// none is configured, the one ffmpeg announces on stderr before its first frame.
/// </summary>
public sealed class FfmpegSource : ICameraSource
{
    private const string InstallHint = "Install ffmpeg (Debian: apt-get install ffmpeg) or set the camera's ffmpeg executable path.";
    private static readonly TimeSpan ExitWait = TimeSpan.FromSeconds(5);

    private readonly FfmpegSourceSettings _settings;
    private readonly IReadOnlyList<string> _arguments;
    private ChildProcess? _child;
    private ProcessFrameStream? _frames;

    /// <exception cref="CameraSourceException">The settings are unusable (permanent).</exception>
    public FfmpegSource(FfmpegSourceSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _settings = settings;
        _arguments = FfmpegCommandLine.Build(settings);
    }

    public string Description => $"ffmpeg {_settings.InputArguments}";

    /// <summary>The arguments ffmpeg is started with.</summary>
    public IReadOnlyList<string> Arguments => _arguments;

    /// <summary>The running ffmpeg's process id, once opened.</summary>
    public int? ProcessId => _child?.Id;

    public FrameGeometry Open(CancellationToken cancellationToken)
    {
        if (_child is not null)
        {
            throw new InvalidOperationException("This source was opened already; make a new one per session.");
        }
        var announcedSize = new TaskCompletionSource<(int Width, int Height)?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var parser = new FfmpegOutputSizeParser();
        _child = ChildProcess.Start(_settings.Executable, _arguments, InstallHint, _settings.StderrLines, line =>
        {
            if (line is null)
            {
                announcedSize.TrySetResult(null);
            }
            else if (parser.Feed(line) is { } size)
            {
                announcedSize.TrySetResult(size);
            }
        });
        try
        {
            var geometry = _settings is { Width: { } width, Height: { } height }
                ? new FrameGeometry(width, height, _settings.PixelFormat)
                : WaitForAnnouncedSize(announcedSize.Task, cancellationToken);
            _frames = new ProcessFrameStream(_child, geometry, geometry.RowBytes);
            _frames.KillOnCancel(cancellationToken);
            return geometry;
        }
        catch
        {
            _child.Dispose();
            throw;
        }
    }

    public bool ReadFrame(CameraFrame frame, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var frames = _frames ?? throw new InvalidOperationException("Open the source before reading frames.");
        return frames.ReadFrame(frame, cancellationToken);
    }

    public void Dispose()
    {
        if (_frames is not null)
        {
            _frames.Dispose();
        }
        else
        {
            _child?.Dispose();
        }
    }

    private FrameGeometry WaitForAnnouncedSize(Task<(int Width, int Height)?> announcedSize, CancellationToken cancellationToken)
    {
        var child = _child!;
        // Ends with the size, or with null when stderr closed (ffmpeg exited); a cancelled wait throws and
        // Open's caller disposes (kills) the child.
        announcedSize.Wait(cancellationToken);
        if (announcedSize.Result is not { } size)
        {
            throw new CameraSourceException($"ffmpeg stopped before its first frame: {child.DescribeExit(ExitWait)}");
        }
        return new FrameGeometry(size.Width, size.Height, _settings.PixelFormat);
    }
}
