using System.Globalization;
using System.Text.Json;
using Edge.Agent.Tests.Support;
using Edge.Testing;

namespace Edge.Agent.Tests.Alarms;

/// <summary>
/// The agent process with a real bundle scoring a camera that shows a defect the whole time, so that its alarm is open
/// when the agent stops: a SIGTERM ends it with the reason "agent stopped"; after a kill -9 the next start ends it,
/// from what the durable outbox recorded, with the reason "agent restarted". No start is left without its end.
/// </summary>
[Collection(Pipeline.TrainedBundleCollection.Name)]
public sealed class OpenAlarmProcessTests(TrainedBundle bundle) : BrokerTest
{
    [Fact]
    public void An_alarm_open_at_sigterm_is_ended_with_the_reason_agent_stopped_before_the_agent_goes_offline()
    {
        var config = Config(bundle.DefectImage);
        using var alarms = Broker.Subscribe("edge/plant1/box1/alarms/line1");
        using var status = Broker.Subscribe("edge/plant1/box1/status");
        using var agent = AgentProcess.Start(["run", "--config", config]);

        var start = Json(alarms.WaitUntil(m => m.Any(x => Event(x) == "start"), Patience).First(x => Event(x) == "start"));
        agent.Terminate();
        Assert.True(agent.WaitForExit(Patience) == 0, string.Join("\n", agent.Errors));

        var end = Json(alarms.WaitUntil(m => m.Any(x => Event(x) == "end"), Patience).First(x => Event(x) == "end"));
        Assert.Equal(start.GetProperty("id").GetString(), end.GetProperty("id").GetString());
        Assert.Equal("agent stopped", end.GetProperty("reason").GetString());
        Assert.Equal("1.0.0", end.GetProperty("modelVersion").GetString());
        Assert.Equal(["online", "offline"], status.WaitUntil(m => m.Count >= 2, Patience).Select(m => m.Payload));
        Assert.False(start.TryGetProperty("reason", out _));
    }

    [Fact]
    public void An_alarm_open_at_a_kill_9_is_ended_at_the_next_start_with_the_reason_agent_restarted()
    {
        using var alarms = Broker.Subscribe("edge/plant1/box1/alarms/line1");
        string id;
        using (var agent = AgentProcess.Start(["run", "--config", Config(bundle.DefectImage)]))
        {
            id = Json(alarms.WaitUntil(m => m.Any(x => Event(x) == "start"), Patience).First(x => Event(x) == "start")).GetProperty("id").GetString()!;
            agent.KillHard();
        }
        // The next start sees a normal scene: only the recovery can end the alarm.
        using var restarted = AgentProcess.Start(["run", "--config", Config(bundle.NormalImage)]);

        var end = Json(alarms.WaitUntil(m => m.Any(x => Event(x) == "end"), Patience).First(x => Event(x) == "end"));
        restarted.Terminate();
        Assert.True(restarted.WaitForExit(Patience) == 0, string.Join("\n", restarted.Errors));

        Assert.Equal(id, end.GetProperty("id").GetString());
        Assert.Equal("agent restarted", end.GetProperty("reason").GetString());
        Assert.Equal("line1", end.GetProperty("camera").GetString());
        // Each alarm ends once: the recovery does not end it a second time at the start after.
        using var again = AgentProcess.Start(["run", "--config", Config(bundle.NormalImage)]);
        again.WaitForErrors(lines => lines.Any(l => l.Contains("MQTT connected", StringComparison.Ordinal)), Patience);
        again.Terminate();
        Assert.Equal(0, again.WaitForExit(Patience));
        Assert.Single(AlarmMessages.IdsAndEvents(alarms.Messages), e => e == $"{id} end");
    }

    private static string? Event(MosquittoMessage message) => Json(message).GetProperty("event").GetString();

    private static JsonElement Json(MosquittoMessage message) => JsonDocument.Parse(message.Payload).RootElement;

    /// <summary>One camera replaying <paramref name="image"/> at 10 fps, alarming over the trained bundle's threshold; the state folder is the same each time.</summary>
    private string Config(string image)
    {
        var frames = Folder.File($"frames-{Path.GetFileNameWithoutExtension(image)}");
        Directory.CreateDirectory(frames);
        File.Copy(image, Path.Combine(frames, "frame.png"), overwrite: true);
        var threshold = bundle.Threshold.ToString("R", CultureInfo.InvariantCulture);
        return AgentConfigFile.Write(Folder, Broker.Port, model: bundle.Folder,
            cameras: $$"""[ { "name": "line1", "folder": "{{frames}}", "framesPerSecond": 10, "health": false, "threshold": {{threshold}} } ]""",
            alarms: """{ "holdSeconds": 0.5, "cooldownSeconds": 0 }""");
    }
}
