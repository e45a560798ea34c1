using System.Globalization;
using Edge.Agent.Cameras.Frames;

namespace Edge.Agent.Cameras.Sources.GStreamer;

/// <summary>
/// Checks a gst-launch pipeline description and reads the frame geometry out of it: the pipeline must end
/// in <c>fdsink</c> writing to stdout, behind raw RGB or GRAY8 caps whose size is known.
/// </summary>
public static class GStreamerPipelineText
{
    private const string Example = "… ! video/x-raw,format=RGB,width=640,height=480 ! fdsink";

    /// <exception cref="CameraSourceException">The pipeline cannot deliver frames we can read (permanent).</exception>
    public static FrameGeometry ResolveGeometry(GStreamerSourceSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var elements = settings.Pipeline.Split('!', StringSplitOptions.TrimEntries);
        CheckSink(elements[^1]);
        var caps = Array.FindLast(elements, e => e.StartsWith("video/x-raw", StringComparison.Ordinal));
        var fields = caps is null ? new Dictionary<string, string>() : ParseCapsFields(caps);

        var width = settings.Width ?? ReadInt(fields, "width");
        var height = settings.Height ?? ReadInt(fields, "height");
        var format = settings.PixelFormat ?? ReadFormat(fields);
        if (fields.TryGetValue("format", out var capsFormat) && MapFormat(capsFormat) is { } fromCaps && fromCaps != format)
        {
            throw Permanent($"the pipeline's caps say format={capsFormat} but the settings say {format}.");
        }
        if (width is null || height is null || format is null)
        {
            throw Permanent($"the frame size and format must be known: end the pipeline with '{Example}' or set width, height and pixelFormat.");
        }
        if (width is <= 0 or > FrameGeometry.MaxDimension || height is <= 0 or > FrameGeometry.MaxDimension)
        {
            throw Permanent($"width and height must be 1 to {FrameGeometry.MaxDimension}.");
        }
        return new FrameGeometry(width.Value, height.Value, format.Value);
    }

    /// <summary>GStreamer's row stride for packed RGB and GRAY8: rows padded to a multiple of 4 bytes.</summary>
    public static int StreamRowBytes(FrameGeometry geometry) => (geometry.RowBytes + 3) & ~3;

    private static void CheckSink(string lastElement)
    {
        var words = lastElement.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0 || words[0] != "fdsink")
        {
            throw Permanent($"the pipeline must end in fdsink, as in '{Example}'; it ends in '{lastElement}'.");
        }
        var fd = Array.Find(words, w => w.StartsWith("fd=", StringComparison.Ordinal));
        if (fd is not null && fd != "fd=1")
        {
            throw Permanent($"fdsink must write to stdout (fd=1), not '{fd}'.");
        }
    }

    private static Dictionary<string, string> ParseCapsFields(string caps)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in caps.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Skip(1))
        {
            var equals = field.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                continue;
            }
            var value = field[(equals + 1)..].Trim().Trim('"');
            // Typed values look like "(int)640" or "(string)RGB".
            if (value.StartsWith('(') && value.IndexOf(')', StringComparison.Ordinal) is var close and > 0)
            {
                value = value[(close + 1)..];
            }
            fields[field[..equals].Trim()] = value;
        }
        return fields;
    }

    private static int? ReadInt(Dictionary<string, string> fields, string key)
    {
        if (!fields.TryGetValue(key, out var text))
        {
            return null;
        }
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Permanent($"the caps field {key}={text} is not a fixed number.");
    }

    private static FramePixelFormat? ReadFormat(Dictionary<string, string> fields)
    {
        if (!fields.TryGetValue("format", out var text))
        {
            return null;
        }
        return MapFormat(text) ?? throw Permanent($"the caps format {text} is not readable: use format=RGB or format=GRAY8.");
    }

    private static FramePixelFormat? MapFormat(string text) => text switch
    {
        "RGB" => FramePixelFormat.Rgb24,
        "GRAY8" => FramePixelFormat.Gray8,
        _ => null,
    };

    private static CameraSourceException Permanent(string problem) => new($"gstreamer: {problem}", isPermanent: true);
}
