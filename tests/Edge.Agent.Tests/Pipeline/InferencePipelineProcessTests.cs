using System.Globalization;
using System.Text.Json;
using Edge.Agent.Tests.Support;
using Edge.Imaging;
using Edge.Testing;

namespace Edge.Agent.Tests.Pipeline;

/// <summary>The agent process scoring a real ffmpeg camera with a real bundle and alarming through a real broker.</summary>
[Collection(TrainedBundleCollection.Name)]
public sealed class InferencePipelineProcessTests(TrainedBundle bundle) : BrokerTest
{
    private const int NormalFrames = 30;
    private const int DefectFrames = 20;

    [Fact]
    public async Task A_video_with_a_defective_stretch_raises_one_alarm_on_that_stretch_and_none_on_the_normal_one()
    {
        Assert.True(bundle.DefectScore > bundle.NormalScore, $"the trained bundle cannot tell the scenes apart: {bundle.DefectScore} vs {bundle.NormalScore}");
        var clip = DefectClip.Make(Folder, bundle, NormalFrames, DefectFrames);
        var httpPort = FreePort.Pick();
        var threshold = bundle.Threshold.ToString("R", CultureInfo.InvariantCulture);
        var config = AgentConfigFile.Write(Folder, Broker.Port, cameras: $$"""
            [ { "name": "line1", "ffmpeg": "-re -i {{clip}}", "health": false, "threshold": {{threshold}} } ]
            """, model: bundle.Folder, alarms: """{ "holdSeconds": 0.5, "cooldownSeconds": 0, "hysteresis": 0.05 }""", httpPort: httpPort);
        using var alarms = Broker.Subscribe("edge/plant1/box1/alarms/line1");
        using var agent = AgentProcess.Start(["run", "--config", config]);

        var messages = alarms.WaitUntil(m => m.Any(x => Event(x.Payload) == "end"), TimeSpan.FromSeconds(60));
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}"), Timeout = TimeSpan.FromSeconds(10) };
        var latest = await http.GetByteArrayAsync(new Uri("/cameras/line1/latest.jpg", UriKind.Relative));
        var page = await http.GetStringAsync(new Uri("/", UriKind.Relative));
        agent.Terminate();
        agent.WaitForExit(Patience);

        var first = messages.Select(m => JsonDocument.Parse(m.Payload).RootElement).TakeWhile(j => j.GetProperty("event").GetString() != "end").ToList();
        var start = Assert.Single(first, j => j.GetProperty("event").GetString() == "start");
        var snapshot = start.GetProperty("snapshot").GetString()!;
        // Snapshots are named <time>-<frame number>.jpg: the frame that started the alarm is in the defective stretch
        // (after the k-of-n debounce), never in the normal one before it.
        var frame = int.Parse(Path.GetFileNameWithoutExtension(snapshot).Split('-')[^1], CultureInfo.InvariantCulture);
        Assert.InRange(frame, NormalFrames, NormalFrames + DefectFrames - 1);
        Assert.Equal("1.0.0", start.GetProperty("modelVersion").GetString());
        Assert.Equal(bundle.Threshold, start.GetProperty("threshold").GetDouble(), 5);
        var box = start.GetProperty("box").EnumerateArray().Select(v => v.GetInt32()).ToArray();
        Assert.InRange(box[0], 0, TrainedBundle.Size / 2 - 1);
        Assert.InRange(box[1], 0, TrainedBundle.Size / 2 - 1);
        var picture = ImageCodec.Load(snapshot);
        Assert.Equal((TrainedBundle.Size, TrainedBundle.Size), (picture.Width, picture.Height));
        // The local page shows the camera's latest frame and the alarm.
        var live = ImageCodec.Decode(latest);
        Assert.Equal((TrainedBundle.Size, TrainedBundle.Size), (live.Width, live.Height));
        Assert.Contains(start.GetProperty("id").GetString()!, page, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_with_a_missing_bundle_refuses_to_start_in_one_line()
    {
        var config = AgentConfigFile.Write(Folder, Broker.Port, cameras: """[ { "name": "line1", "ffmpeg": "-i x.mp4" } ]""");

        var (code, _, errors) = AgentProcess.Run("run", "--config", config);

        Assert.Equal(1, code);
        Assert.Equal($"edge-agent run: cannot start: the model bundle '{Folder.File("no-bundle")}' cannot be used: The bundle folder '{Folder.File("no-bundle")}' does not exist", errors);
    }

    [Fact]
    public void Run_with_a_camera_class_the_bundle_does_not_have_refuses_to_start_naming_the_bundle_s_classes()
    {
        var config = AgentConfigFile.Write(Folder, Broker.Port, cameras: """[ { "name": "line1", "ffmpeg": "-i x.mp4", "threshold": 0.5, "class": "bottle" } ]""", model: bundle.Folder);

        var (code, _, errors) = AgentProcess.Run("run", "--config", config);

        Assert.Equal(1, code);
        Assert.Contains("camera line1: class 'bottle' is not one of the bundle's product classes (grain, weave)", errors, StringComparison.Ordinal);
    }

    private static string? Event(string payload) => JsonDocument.Parse(payload).RootElement.GetProperty("event").GetString();
}
