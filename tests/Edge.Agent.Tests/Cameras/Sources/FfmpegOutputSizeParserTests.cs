using Edge.Agent.Cameras.Sources.Ffmpeg;

namespace Edge.Agent.Tests.Cameras.Sources;

public class FfmpegOutputSizeParserTests
{
    // Lines as ffmpeg 5.1 prints them; the input's stream line must not be taken for the output's.
    private static readonly string[] Stderr =
    [
        "Input #0, lavfi, from 'testsrc=size=64x48:rate=10':",
        "  Stream #0:0: Video: rawvideo (RGB[24] / 0x18424752), rgb24, 64x48 [SAR 1:1 DAR 4:3], 10 tbr, 10 tbn",
        "Stream mapping:",
        "  Stream #0:0 -> #0:0 (rawvideo (native) -> rawvideo (native))",
        "Output #0, rawvideo, to 'pipe:1':",
        "  Metadata:",
        "    encoder         : Lavf59.27.100",
        "  Stream #0:0: Video: rawvideo (RGB[24] / 0x18424752), rgb24(pc, gbr/unknown/unknown, progressive), 320x180 [SAR 1:1 DAR 16:9], q=2-31, 737 kb/s, 10 fps, 10 tbn",
    ];

    [Fact]
    public void The_size_comes_from_the_output_stream_not_the_input()
    {
        var parser = new FfmpegOutputSizeParser();
        var found = Stderr.Select(parser.Feed).ToList();

        Assert.All(found.Take(Stderr.Length - 1), f => Assert.Null(f));
        Assert.Equal((320, 180), found[^1]);
    }
}
