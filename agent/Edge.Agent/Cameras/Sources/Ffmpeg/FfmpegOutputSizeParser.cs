using System.Globalization;
using System.Text.RegularExpressions;

namespace Edge.Agent.Cameras.Sources.Ffmpeg;

/// <summary>
/// Finds the size of the raw video ffmpeg writes, from the lines it prints to stderr before the first
/// frame: after <c>Output #0, rawvideo, to 'pipe:1':</c> comes
/// <c>Stream #0:0: Video: rawvideo (RGB[24] / 0x18424752), rgb24(progressive), 64x48 [SAR 1:1 DAR 4:3], ...</c>.
/// ffmpeg states what it writes there, so no second probe of the input (a second RTSP session) is needed.
/// </summary>
public sealed partial class FfmpegOutputSizeParser
{
    private bool _inOutputSection;

    /// <summary>Feeds one stderr line; returns the width and height once the output stream line is seen.</summary>
    public (int Width, int Height)? Feed(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (line.StartsWith("Output #0", StringComparison.Ordinal))
        {
            _inOutputSection = true;
            return null;
        }
        if (!_inOutputSection)
        {
            return null;
        }
        var match = OutputVideoStream().Match(line);
        if (!match.Success)
        {
            return null;
        }
        return (int.Parse(match.Groups["w"].ValueSpan, CultureInfo.InvariantCulture),
                int.Parse(match.Groups["h"].ValueSpan, CultureInfo.InvariantCulture));
    }

    // ", 64x48" after the codec: the hexadecimal tag "/ 0x18424752" is never preceded by a comma.
    [GeneratedRegex(@"^\s*Stream #0:\d+.*?: Video: rawvideo.*?, (?<w>\d{1,5})x(?<h>\d{1,5})\b", RegexOptions.CultureInvariant)]
    private static partial Regex OutputVideoStream();
}
