namespace Edge.Imaging.Tests.Support;

/// <summary>The independent reference: the installed ffmpeg makes test images and decodes ours to raw pixels.</summary>
internal static class Ffmpeg
{
    /// <summary>Writes ffmpeg's test pattern (<c>testsrc</c>) as one image in <paramref name="pixelFormat"/>.</summary>
    public static void TestPattern(string path, int width, int height, string pixelFormat, params string[] outputOptions) =>
        Run(["-f", "lavfi", "-i", $"testsrc=size={width}x{height}:rate=1", "-frames:v", "1", "-pix_fmt", pixelFormat, .. outputOptions, path]);

    /// <summary>Encodes raw pixels (given in <paramref name="rawFormat"/>) to <paramref name="path"/>, converting to <paramref name="pixelFormat"/>.</summary>
    public static void EncodeRaw(byte[] raw, int width, int height, string rawFormat, string path, string pixelFormat, params string[] outputOptions)
    {
        var input = path + ".raw";
        File.WriteAllBytes(input, raw);
        Run(["-f", "rawvideo", "-pix_fmt", rawFormat, "-s", $"{width}x{height}", "-i", input, "-frames:v", "1", "-pix_fmt", pixelFormat, .. outputOptions, path]);
        File.Delete(input);
    }

    /// <summary>ffmpeg's own decode of <paramref name="path"/> as raw <paramref name="pixelFormat"/> bytes (e.g. rgb24, gray, rgba, ya8, rgb48le).</summary>
    public static byte[] DecodeRaw(string path, string pixelFormat)
    {
        var output = path + "." + pixelFormat + ".raw";
        Run(["-i", path, "-frames:v", "1", "-f", "rawvideo", "-pix_fmt", pixelFormat, output]);
        var bytes = File.ReadAllBytes(output);
        File.Delete(output);
        return bytes;
    }

    private static void Run(string[] arguments) => ExternalProcess.Run("ffmpeg", ["-nostdin", "-v", "error", "-y", .. arguments]);
}
