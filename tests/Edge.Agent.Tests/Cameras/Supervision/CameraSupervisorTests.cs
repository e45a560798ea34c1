using Edge.Agent.Cameras.Health;
using Edge.Agent.Cameras.Sources;
using Edge.Agent.Cameras.Sources.Ffmpeg;
using Edge.Agent.Cameras.Supervision;
using Edge.Agent.Tests.Cameras.Support;
using Edge.Testing;

namespace Edge.Agent.Tests.Cameras.Supervision;

public class CameraSupervisorTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static readonly CameraSupervisorSettings Quick = new()
    {
        InitialBackoff = TimeSpan.FromMilliseconds(50),
        MaxBackoff = TimeSpan.FromMilliseconds(200),
        StallTimeout = TimeSpan.FromSeconds(10),
        Health = null,
    };

    [Fact]
    public void A_child_that_dies_is_restarted_with_capped_exponential_backoff()
    {
        using var folder = new TempFolder();
        var settings = new FfmpegSourceSettings($"-i {folder.File("absent.mp4")}");
        using var camera = new CameraSupervisor("door", settings, Quick);
        var recorder = new StatusRecorder(camera);

        camera.Start();
        var statuses = recorder.WaitForCount(CameraState.Reconnecting, 5, Patience);

        var waits = statuses.Where(s => s.State == CameraState.Reconnecting).Take(5).Select(s => s.RetryIn!.Value.TotalMilliseconds);
        Assert.Equal([50, 100, 200, 200, 200], waits);
        Assert.Equal([1, 2, 3, 4, 5], statuses.Where(s => s.State == CameraState.Reconnecting).Take(5).Select(s => s.ConsecutiveFailures));
        Assert.All(statuses.Where(s => s.State == CameraState.Reconnecting), s => Assert.Contains("No such file or directory", s.Reason, StringComparison.Ordinal));
        Assert.Equal([CameraState.Starting, CameraState.Reconnecting, CameraState.Starting, CameraState.Reconnecting], statuses.Take(4).Select(s => s.State));
    }

    [Fact]
    public async Task A_clip_that_ends_is_played_again_and_sequence_numbers_continue()
    {
        using var folder = new TempFolder();
        var clip = folder.File("short.mp4");
        CameraTools.MakeTestClip(clip, 32, 24, frames: 5);
        using var camera = new CameraSupervisor("line", new FfmpegSourceSettings($"-i {clip}"), Quick with { QueueCapacity = 16 });
        var recorder = new StatusRecorder(camera);
        camera.Start();

        var sequences = new List<long>();
        while (sequences.Count < 10)
        {
            sequences.Add((await camera.Frames.ReadAsync().AsTask().WaitAsync(Patience)).Sequence);
        }

        Assert.Equal(Enumerable.Range(0, 10).Select(i => (long)i), sequences);
        var states = recorder.Snapshot().Select(s => s.State).ToList();
        Assert.Equal([CameraState.Starting, CameraState.Streaming, CameraState.Reconnecting, CameraState.Starting, CameraState.Streaming], states.Take(5));
        Assert.Contains("the stream ended", recorder.Snapshot()[2].Reason, StringComparison.Ordinal);
        Assert.True(camera.Sessions >= 2);
    }

    [Fact]
    public void A_stuck_source_is_detected_restarted_and_its_children_do_not_outlive_the_supervisor()
    {
        using var folder = new TempFolder();
        var fifo = folder.File("no-data");
        CameraTools.Run("mkfifo", fifo);
        var sources = new List<FfmpegSource>();
        var settings = new FfmpegSourceSettings($"-f rawvideo -pix_fmt gray -video_size 8x8 -i {fifo}");
        var camera = new CameraSupervisor("stuck", () =>
        {
            var source = new FfmpegSource(settings);
            lock (sources)
            {
                sources.Add(source);
            }
            return source;
        }, Quick with { StallTimeout = TimeSpan.FromMilliseconds(400) });
        var recorder = new StatusRecorder(camera);

        camera.Start();
        var statuses = recorder.WaitForCount(CameraState.Stalled, 2, Patience);
        camera.Dispose();

        var stalled = statuses.First(s => s.State == CameraState.Stalled);
        Assert.Contains("no frame for 0.4 s", stalled.Reason, StringComparison.Ordinal);
        var afterStall = statuses.SkipWhile(s => s.State != CameraState.Stalled).Take(3).Select(s => s.State);
        Assert.Equal([CameraState.Stalled, CameraState.Reconnecting, CameraState.Starting], afterStall);
        Assert.Equal(CameraState.Stopped, camera.Status.State);
        lock (sources)
        {
            Assert.True(sources.Count >= 2);
            Assert.All(sources, s => Assert.False(CameraTools.ProcessExists(s.ProcessId!.Value), $"ffmpeg {s.ProcessId} outlived the supervisor"));
        }
    }

    [Fact]
    public void A_missing_program_fails_the_camera_without_retrying()
    {
        using var camera = new CameraSupervisor("cam", new FfmpegSourceSettings("-i x.mp4") { Executable = "/nonexistent/ffmpeg" }, Quick);
        var recorder = new StatusRecorder(camera);

        camera.Start();
        var statuses = recorder.WaitForCount(CameraState.Failed, 1, Patience);
        Thread.Sleep(300);

        Assert.Equal(1, camera.Sessions);
        Assert.DoesNotContain(recorder.Snapshot(), s => s.State == CameraState.Reconnecting);
        Assert.Contains("apt-get install ffmpeg", statuses[^1].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_camera_fails_after_the_configured_number_of_losses_in_a_row()
    {
        using var folder = new TempFolder();
        using var camera = new CameraSupervisor("cam", new FfmpegSourceSettings($"-i {folder.File("absent.mp4")}"), Quick with { MaxConsecutiveFailures = 3 });
        var recorder = new StatusRecorder(camera);

        camera.Start();
        var statuses = recorder.WaitForCount(CameraState.Failed, 1, Patience);

        Assert.Equal(3, camera.Sessions);
        Assert.StartsWith("3 sessions lost in a row", statuses[^1].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_consumer_that_does_not_keep_up_gets_the_newest_frames_and_the_rest_are_counted_as_dropped()
    {
        using var folder = new TempFolder();
        var clip = folder.File("clip.mp4");
        CameraTools.MakeTestClip(clip, 32, 24, frames: 40);
        // A long backoff keeps the clip from playing again while the test looks at the queue.
        using var camera = new CameraSupervisor("busy", new FfmpegSourceSettings($"-i {clip}"),
            Quick with { QueueCapacity = 3, InitialBackoff = TimeSpan.FromMinutes(1), MaxBackoff = TimeSpan.FromMinutes(1) });
        var recorder = new StatusRecorder(camera);

        camera.Start();
        recorder.WaitForCount(CameraState.Reconnecting, 1, Patience);

        Assert.Equal(40, camera.FramesCaptured);
        Assert.Equal(40, camera.Frames.Published);
        Assert.Equal(37, camera.Frames.Dropped);
        Assert.Equal(37, (await camera.Frames.ReadAsync()).Sequence);
        Assert.Equal(38, (await camera.Frames.ReadAsync()).Sequence);
        Assert.Equal(39, (await camera.Frames.ReadAsync()).Sequence);
    }

    [Fact]
    public void A_black_picture_is_reported_as_a_blocked_lens_fault()
    {
        var health = new CameraHealthSettings { CheckEveryFrames = 5, SampleStep = 1 };
        using var camera = new CameraSupervisor("covered", new FfmpegSourceSettings("-f lavfi -i color=c=black:size=32x24:rate=25"), Quick with { Health = health });
        using var changed = new ManualResetEventSlim();
        CameraHealthChangedEventArgs? seen = null;
        camera.HealthChanged += (_, e) =>
        {
            seen = e;
            changed.Set();
        };

        camera.Start();

        Assert.True(changed.Wait(Patience), "no health change was reported");
        Assert.Equal(CameraFaults.LensBlocked, seen!.Report.Faults);
        Assert.Equal(CameraFaults.None, seen.Previous);
        Assert.Equal(0, seen.Report.Statistics.MeanLuma);
        Assert.StartsWith("lens blocked or covered", seen.Report.Description, StringComparison.Ordinal);
        Assert.Equal(CameraFaults.LensBlocked, camera.Faults);
    }
}
