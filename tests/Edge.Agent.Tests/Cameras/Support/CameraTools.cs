using System.Diagnostics;

namespace Edge.Agent.Tests.Cameras.Support;

/// <summary>Runs the real programs the camera tests depend on (ffmpeg, gst-launch-1.0), failing loudly when one is missing.</summary>
internal static class CameraTools
{
    public const string GStreamerInstallHint =
        "gst-launch-1.0 is missing: run scripts/setup.sh (or apt-get install gstreamer1.0-tools gstreamer1.0-plugins-base gstreamer1.0-plugins-good).";

    public const string FfmpegInstallHint = "ffmpeg is missing: run scripts/setup.sh (or apt-get install ffmpeg).";

    /// <summary>Fails the test with <paramref name="installHint"/> when <paramref name="program"/> is not on PATH.</summary>
    public static void Require(string program, string installHint)
    {
        var found = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Any(folder => File.Exists(Path.Combine(folder, program)));
        Assert.True(found, installHint);
    }

    /// <summary>Runs a program to completion and returns its stdout; a non-zero exit fails with its stderr.</summary>
    public static byte[] Run(string program, params string[] arguments)
    {
        var startInfo = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }
        using var process = Process.Start(startInfo)!;
        var stderr = process.StandardError.ReadToEndAsync();
        using var stdout = new MemoryStream();
        process.StandardOutput.BaseStream.CopyTo(stdout);
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}: {stderr.Result}");
        return stdout.ToArray();
    }

    /// <summary>Encodes ffmpeg's test pattern as an H.264 MP4 clip of exactly <paramref name="frames"/> frames.</summary>
    public static void MakeTestClip(string path, int width, int height, int frames, int rate = 25)
    {
        Require("ffmpeg", FfmpegInstallHint);
        Run("ffmpeg", "-hide_banner", "-loglevel", "error", "-y",
            "-f", "lavfi", "-i", $"testsrc=size={width}x{height}:rate={rate}",
            "-frames:v", frames.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-c:v", "libx264", "-pix_fmt", "yuv420p", path);
    }

    /// <summary>ffmpeg's own decode of <paramref name="path"/> to raw frames, the reference the sources are compared with.</summary>
    public static byte[] DecodeRaw(string path, string pixelFormat, params string[] outputOptions) =>
        Run("ffmpeg", ["-hide_banner", "-loglevel", "error", "-i", path, .. outputOptions, "-f", "rawvideo", "-pix_fmt", pixelFormat, "-"]);

    /// <summary>A file of the source tree, found by walking up from the test binaries to the repository root.</summary>
    public static string SourceFile(string relativePath)
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, relativePath);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new FileNotFoundException($"{relativePath} was not found above {AppContext.BaseDirectory}.");
    }

    /// <summary>True while a process with this id exists (a zombie counts: it has not been reaped).</summary>
    public static bool ProcessExists(int pid) => Directory.Exists($"/proc/{pid}");
}
