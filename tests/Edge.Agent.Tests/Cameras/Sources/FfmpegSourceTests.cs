using Edge.Agent.Cameras.Frames;
using Edge.Agent.Cameras.Sources;
using Edge.Agent.Cameras.Sources.Ffmpeg;
using Edge.Agent.Tests.Cameras.Support;
using Edge.Testing;

namespace Edge.Agent.Tests.Cameras.Sources;

public class FfmpegSourceTests
{
    private static List<CameraFrame> ReadAll(ICameraSource source, FrameGeometry expected)
    {
        Assert.Equal(expected, source.Open(CancellationToken.None));
        var frames = new List<CameraFrame>();
        while (true)
        {
            var frame = new CameraFrame();
            if (!source.ReadFrame(frame, CancellationToken.None))
            {
                return frames;
            }
            frames.Add(frame);
        }
    }

    [Fact]
    public void A_clip_yields_every_frame_with_the_pixels_of_ffmpegs_own_decode()
    {
        using var folder = new TempFolder();
        var clip = folder.File("test clip.mp4");
        CameraTools.MakeTestClip(clip, 64, 48, frames: 12);
        var reference = CameraTools.DecodeRaw(clip, "rgb24");

        var before = DateTime.UtcNow;
        using var source = new FfmpegSource(new FfmpegSourceSettings($"-i '{clip}'"));
        var frames = ReadAll(source, new FrameGeometry(64, 48, FramePixelFormat.Rgb24));

        Assert.Equal(12, frames.Count);
        Assert.Equal(12 * 64 * 48 * 3, reference.Length);
        for (var i = 0; i < frames.Count; i++)
        {
            Assert.True(reference.AsSpan(i * 9216, 9216).SequenceEqual(frames[i].Pixels), $"frame {i} differs from ffmpeg's decode");
            Assert.InRange(frames[i].TimestampUtc, before, DateTime.UtcNow);
        }
    }

    [Fact]
    public void A_configured_size_and_grey_format_are_what_ffmpeg_delivers()
    {
        using var folder = new TempFolder();
        var clip = folder.File("clip.mp4");
        CameraTools.MakeTestClip(clip, 64, 48, frames: 5);
        var reference = CameraTools.DecodeRaw(clip, "gray", "-vf", "scale=40:30");

        using var source = new FfmpegSource(new FfmpegSourceSettings($"-i {clip}") { Width = 40, Height = 30, PixelFormat = FramePixelFormat.Gray8 });
        var frames = ReadAll(source, new FrameGeometry(40, 30, FramePixelFormat.Gray8));

        Assert.Equal(5, frames.Count);
        Assert.True(reference.AsSpan().SequenceEqual(frames.SelectMany(f => f.Pixels.ToArray()).ToArray()));
    }

    [Fact]
    public void A_missing_input_fails_with_ffmpegs_own_message()
    {
        using var folder = new TempFolder();
        using var source = new FfmpegSource(new FfmpegSourceSettings($"-i {folder.File("absent.mp4")}"));

        var error = Assert.Throws<CameraSourceException>(() => source.Open(CancellationToken.None));

        Assert.False(error.IsPermanent);
        Assert.Contains("No such file or directory", error.Message, StringComparison.Ordinal);
        Assert.Contains("exited with code 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_ffmpeg_program_is_a_permanent_error_with_an_install_hint()
    {
        using var source = new FfmpegSource(new FfmpegSourceSettings("-i x.mp4") { Executable = "/nonexistent/ffmpeg" });

        var error = Assert.Throws<CameraSourceException>(() => source.Open(CancellationToken.None));

        Assert.True(error.IsPermanent);
        Assert.Contains("apt-get install ffmpeg", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Disposing_a_streaming_source_kills_and_reaps_ffmpeg()
    {
        CameraTools.Require("ffmpeg", CameraTools.FfmpegInstallHint);
        var source = new FfmpegSource(new FfmpegSourceSettings("-re -f lavfi -i testsrc=size=32x24:rate=25"));
        source.Open(CancellationToken.None);
        Assert.True(source.ReadFrame(new CameraFrame(), CancellationToken.None));
        var pid = source.ProcessId!.Value;
        Assert.True(CameraTools.ProcessExists(pid));

        source.Dispose();

        Assert.False(CameraTools.ProcessExists(pid), $"ffmpeg (pid {pid}) is still there after dispose");
    }

    [Fact]
    public void Ffmpeg_dies_with_the_thread_that_started_it_even_without_dispose()
    {
        // What a crash of the agent does to every thread at once, done here to one thread.
        using var folder = new TempFolder();
        var fifo = folder.File("never-written");
        CameraTools.Run("mkfifo", fifo);
        var source = new FfmpegSource(new FfmpegSourceSettings($"-f rawvideo -pix_fmt gray -video_size 8x8 -i {fifo}") { Width = 8, Height = 8 });
        var starter = new Thread(() =>
        {
            source.Open(CancellationToken.None);
            // The death signal is armed by setpriv just before it becomes ffmpeg: a thread that ended
            // sooner would have nothing to trigger it (a capture thread lives far longer).
            WaitUntil(() => File.ReadAllText($"/proc/{source.ProcessId}/cmdline").StartsWith("/usr/bin/ffmpeg", StringComparison.Ordinal));
        });
        starter.Start();
        starter.Join();
        var pid = source.ProcessId!.Value;

        WaitUntil(() => !IsRunning(pid));

        Assert.False(IsRunning(pid), $"ffmpeg (pid {pid}) outlived the thread that started it");
        source.Dispose();
    }

    private static void WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!condition() && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(10);
        }
    }

    // Running, not a zombie waiting to be reaped by its (still living) parent.
    private static bool IsRunning(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)] != 'Z';
        }
        catch (IOException)
        {
            return false;
        }
    }

    [Fact]
    public void Cancelling_a_blocked_read_kills_ffmpeg_and_throws_promptly()
    {
        using var folder = new TempFolder();
        var fifo = folder.File("never-written");
        CameraTools.Run("mkfifo", fifo);
        using var source = new FfmpegSource(new FfmpegSourceSettings($"-f rawvideo -pix_fmt gray -video_size 8x8 -i {fifo}") { Width = 8, Height = 8 });
        using var cancel = new CancellationTokenSource();
        source.Open(cancel.Token);

        cancel.CancelAfter(TimeSpan.FromMilliseconds(300));
        var started = DateTime.UtcNow;
        Assert.ThrowsAny<OperationCanceledException>(() => source.ReadFrame(new CameraFrame(), cancel.Token));

        Assert.InRange(DateTime.UtcNow - started, TimeSpan.Zero, TimeSpan.FromSeconds(10));
    }
}
