using Edge.Agent.Cameras.Frames;
using Edge.Agent.Cameras.Sources;
using Edge.Agent.Cameras.Sources.Ffmpeg;
using Edge.Agent.Cameras.Sources.Folder;
using Edge.Agent.Cameras.Sources.GStreamer;
using Edge.Agent.Cameras.Sources.Processes;
using Edge.Agent.Cameras.Sources.V4l2;

namespace Edge.Agent.Configuration;

/// <summary>
/// Maps a camera's source key (<c>ffmpeg</c>, <c>gstreamer</c>, <c>v4l2</c> or <c>folder</c>, exactly one) and
/// its frame options onto the camera code's settings records, then checks them the way opening would.
/// </summary>
internal static class CameraSourceReader
{
    private static readonly string[] Kinds = ["ffmpeg", "gstreamer", "v4l2", "folder"];

    private static readonly Dictionary<string, FramePixelFormat> PixelFormats = new()
    {
        ["rgb24"] = FramePixelFormat.Rgb24,
        ["gray8"] = FramePixelFormat.Gray8,
    };

    private static readonly Dictionary<string, V4l2InputFormat> InputFormats = new()
    {
        ["yuyv"] = V4l2InputFormat.Yuyv,
        ["mjpeg"] = V4l2InputFormat.Mjpeg,
    };

    public static CameraSourceSettings? Read(ConfigReader r)
    {
        var present = Kinds.Where(r.Has).ToList();
        if (present.Count != 1)
        {
            r.ProblemAt(r.Path, present.Count == 0
                ? "needs one source: \"ffmpeg\", \"gstreamer\", \"v4l2\" or \"folder\""
                : $"has {string.Join(" and ", present)}: exactly one source per camera");
            return null;
        }
        var kind = present[0];
        var target = r.String(kind, required: true);
        var settings = Build(r, kind, target ?? "");
        if (target is null || settings is null)
        {
            return null;
        }
        // The child programs are looked up now: a missing one is permanent, better found by check-config.
        var program = settings switch
        {
            FfmpegSourceSettings f => f.Executable,
            GStreamerSourceSettings g => g.Executable,
            _ => null,
        };
        if (program is not null && ExecutableSearch.Find(program) is null)
        {
            r.Problem(r.Has("executable") ? "executable" : kind, $"{program} is not installed or not on PATH");
            return null;
        }
        try
        {
            settings.Validate();
        }
        catch (Exception e) when (e is CameraSourceException or ArgumentException)
        {
            r.Problem(kind, e.Message);
            return null;
        }
        return settings;
    }

    private static CameraSourceSettings? Build(ConfigReader r, string kind, string target)
    {
        var width = r.OptionalInt("width", 1, 16384);
        var height = r.OptionalInt("height", 1, 16384);
        var fps = r.OptionalDouble("framesPerSecond", 0.001, 1000);
        var pixelFormat = r.Has("pixelFormat") ? r.Choice("pixelFormat", FramePixelFormat.Rgb24, PixelFormats) : (FramePixelFormat?)null;
        if ((width is null) != (height is null))
        {
            r.Problem(width is null ? "width" : "height", "width and height go together");
        }
        OnlyFor(r, kind, ["folder"], "loop");
        OnlyFor(r, kind, ["v4l2"], "inputFormat", "bufferCount");
        OnlyFor(r, kind, ["ffmpeg", "gstreamer"], "executable");
        if (kind == "gstreamer" && fps is not null)
        {
            r.Problem("framesPerSecond", "is set in a gstreamer pipeline (videorate), not here");
        }
        if (kind == "folder" && width is not null)
        {
            r.Problem("width", "is the images' own size for a folder camera");
        }
        switch (kind)
        {
            case "ffmpeg":
                return new FfmpegSourceSettings(target)
                {
                    Width = width,
                    Height = height,
                    FramesPerSecond = fps,
                    PixelFormat = pixelFormat ?? FramePixelFormat.Rgb24,
                    Executable = r.String("executable") ?? "ffmpeg",
                };
            case "gstreamer":
                return new GStreamerSourceSettings(target)
                {
                    Width = width,
                    Height = height,
                    PixelFormat = pixelFormat,
                    Executable = r.String("executable") ?? "gst-launch-1.0",
                };
            case "v4l2":
                return new V4l2SourceSettings(target)
                {
                    Width = width ?? 640,
                    Height = height ?? 480,
                    FramesPerSecond = fps,
                    PixelFormat = pixelFormat ?? FramePixelFormat.Rgb24,
                    InputFormat = r.Choice("inputFormat", V4l2InputFormat.Yuyv, InputFormats),
                    BufferCount = r.Int("bufferCount", 4, 2, 32),
                };
            default:
                return new FolderSourceSettings(target)
                {
                    FramesPerSecond = fps ?? 1,
                    PixelFormat = pixelFormat ?? FramePixelFormat.Rgb24,
                    Loop = r.Bool("loop", true),
                };
        }
    }

    private static void OnlyFor(ConfigReader r, string kind, string[] owners, params string[] keys)
    {
        foreach (var key in keys.Where(key => !owners.Contains(kind) && r.Has(key)))
        {
            r.Problem(key, $"is only for {string.Join(" and ", owners)} cameras");
        }
    }
}
