using System.Globalization;
using Edge.Agent.Cameras.Frames;
using Edge.Agent.Cameras.Sources.Processes;

namespace Edge.Agent.Cameras.Sources.Ffmpeg;

/// <summary>Builds the ffmpeg arguments that turn the configured input into raw frames on stdout.</summary>
public static class FfmpegCommandLine
{
    /// <exception cref="CameraSourceException">The settings are inconsistent (permanent).</exception>
    public static IReadOnlyList<string> Build(FfmpegSourceSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var input = SplitInput(settings.InputArguments);
        if (!input.Contains("-i"))
        {
            throw new CameraSourceException($"ffmpeg: the input arguments have no -i: '{settings.InputArguments}'.", isPermanent: true);
        }
        if (settings.Width.HasValue != settings.Height.HasValue)
        {
            throw new CameraSourceException("ffmpeg: give both width and height to scale, or neither.", isPermanent: true);
        }
        if (settings.Width is <= 0 or > FrameGeometry.MaxDimension || settings.Height is <= 0 or > FrameGeometry.MaxDimension)
        {
            throw new CameraSourceException($"ffmpeg: width and height must be 1 to {FrameGeometry.MaxDimension}.", isPermanent: true);
        }
        if (settings.FramesPerSecond is <= 0 or double.NaN)
        {
            throw new CameraSourceException("ffmpeg: framesPerSecond must be positive.", isPermanent: true);
        }

        // Info level is needed: the size of an unscaled stream is read from ffmpeg's "Output #0" lines.
        var arguments = new List<string> { "-hide_banner", "-nostdin", "-nostats", "-loglevel", "info" };
        arguments.AddRange(input);
        arguments.AddRange(["-an", "-sn", "-dn"]);
        if (settings.Width is { } width && settings.Height is { } height)
        {
            arguments.AddRange(["-vf", string.Create(CultureInfo.InvariantCulture, $"scale={width}:{height}")]);
        }
        if (settings.FramesPerSecond is { } fps)
        {
            arguments.AddRange(["-r", fps.ToString(CultureInfo.InvariantCulture)]);
        }
        arguments.AddRange(["-pix_fmt", PixelFormatName(settings.PixelFormat), "-f", "rawvideo", "pipe:1"]);
        return arguments;
    }

    public static string PixelFormatName(FramePixelFormat format) => format switch
    {
        FramePixelFormat.Rgb24 => "rgb24",
        FramePixelFormat.Gray8 => "gray",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown pixel format."),
    };

    private static IReadOnlyList<string> SplitInput(string inputArguments)
    {
        try
        {
            return ArgumentSplitter.Split(inputArguments);
        }
        catch (FormatException e)
        {
            throw new CameraSourceException($"ffmpeg: cannot read the input arguments: {e.Message}", isPermanent: true, e);
        }
    }
}
