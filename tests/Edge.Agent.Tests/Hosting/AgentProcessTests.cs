using Edge.Agent.Tests.Support;

namespace Edge.Agent.Tests.Hosting;

/// <summary>The agent process as systemd runs it: a real notify socket, a real broker, a real SIGTERM.</summary>
public sealed class AgentProcessTests : BrokerTest
{
    [Fact]
    public void Run_with_no_cameras_connects_reports_ready_pings_the_watchdog_and_stops_cleanly_on_sigterm()
    {
        var config = AgentConfigFile.Write(Folder, Broker.Port);
        using var status = Broker.Subscribe("edge/plant1/box1/status");
        using var health = Broker.Subscribe("edge/plant1/box1/health", persistent: false);
        using var notify = new NotifySocket();
        using var agent = AgentProcess.Start(
            ["run", "--config", config],
            new Dictionary<string, string> { ["NOTIFY_SOCKET"] = notify.Path, ["WATCHDOG_USEC"] = "400000" });

        var early = notify.WaitFor(m => m.Count(x => x == "WATCHDOG=1") >= 3 && m.Any(x => x.StartsWith("STATUS=", StringComparison.Ordinal)), Patience);
        status.WaitUntil(m => m.Any(x => x.Payload == "online"), Patience);
        var report = health.WaitUntil(m => m.Count > 0, Patience)[0];

        agent.Terminate();
        var exitCode = agent.WaitForExit(Patience);
        var messages = notify.Messages.ToList();

        Assert.True(exitCode == 0, string.Join("\n", agent.Errors));
        Assert.Equal(["STATUS=starting: waiting for cameras and model", "READY=1"], early.Take(2));
        Assert.Contains("STATUS=idle (no cameras), 0 fps, outbox 0", early);
        Assert.Equal("STOPPING=1", messages.Single(m => m.StartsWith("STOPPING", StringComparison.Ordinal)));
        Assert.True(messages.IndexOf("STOPPING=1") > messages.LastIndexOf("READY=1"));
        Assert.Single(messages, m => m == "READY=1");
        Assert.Equal(["online", "offline"], status.WaitUntil(m => m.Count >= 2, Patience).Select(m => m.Payload));
        using var json = System.Text.Json.JsonDocument.Parse(report.Payload);
        Assert.Equal("idle (no cameras)", json.RootElement.GetProperty("state").GetString());
        Assert.Equal(0, json.RootElement.GetProperty("outboxDepth").GetInt64());
        Assert.Contains("MQTT connected to 127.0.0.1:" + Broker.Port, string.Join("\n", agent.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Watchdog_pings_come_at_half_the_watchdog_interval()
    {
        var config = AgentConfigFile.Write(Folder, Broker.Port);
        using var notify = new NotifySocket();
        using var agent = AgentProcess.Start(
            ["run", "--config", config],
            new Dictionary<string, string> { ["NOTIFY_SOCKET"] = notify.Path, ["WATCHDOG_USEC"] = "2000000" });

        notify.WaitFor(m => m.Count(x => x == "WATCHDOG=1") >= 5, Patience);
        agent.Terminate();
        agent.WaitForExit(Patience);

        // The idle pipeline beats every second, so every 1 s check finds progress: pings about 1 s apart.
        var pings = notify.TimedMessages.Where(m => m.Message == "WATCHDOG=1").Select(m => m.At).ToList();
        var gaps = pings.Zip(pings.Skip(1), (a, b) => (b - a).TotalSeconds).ToList();
        // The mean, so that one late timer tick on a busy machine does not fail the test; half of 2 s is 1 s.
        Assert.InRange(gaps.Average(), 0.8, 1.3);
        Assert.All(gaps, gap => Assert.InRange(gap, 0.5, 2.5));
    }

    [Fact]
    public void Without_a_broker_the_agent_still_starts_and_stops_on_sigterm()
    {
        Broker.Stop();
        var config = AgentConfigFile.Write(Folder, Broker.Port);
        using var notify = new NotifySocket();
        using var agent = AgentProcess.Start(
            ["run", "--config", config],
            new Dictionary<string, string> { ["NOTIFY_SOCKET"] = notify.Path, ["JOURNAL_STREAM"] = "8:4242" });

        notify.WaitFor(m => m.Contains("READY=1"), Patience);
        agent.WaitForErrors(lines => lines.Any(l => l.Contains("failed", StringComparison.Ordinal)), Patience);
        agent.Terminate();

        Assert.Equal(0, agent.WaitForExit(Patience));
        Assert.Contains("STOPPING=1", notify.Messages);
        // Under systemd (JOURNAL_STREAM set) log lines carry journald's priority prefix: <4> is a warning.
        Assert.Contains(agent.Errors, line => line.StartsWith("<4>Edge.Agent.Mqtt.MqttLink[", StringComparison.Ordinal)
            && line.Contains($"MQTT connection to 127.0.0.1:{Broker.Port} failed", StringComparison.Ordinal));
    }

    [Fact]
    public void Run_no_model_with_an_ffmpeg_camera_is_ready_once_frames_flow_and_reports_the_camera()
    {
        var config = AgentConfigFile.Write(Folder, Broker.Port, cameras: """
            [ { "name": "line1", "ffmpeg": "-re -f lavfi -i testsrc=size=64x48:rate=10", "health": false } ]
            """);
        using var health = Broker.Subscribe("edge/plant1/box1/health", persistent: false);
        using var notify = new NotifySocket();
        using var agent = AgentProcess.Start(
            ["run", "--no-model", "--config", config],
            new Dictionary<string, string> { ["NOTIFY_SOCKET"] = notify.Path, ["WATCHDOG_USEC"] = "1000000" });

        notify.WaitFor(m => m.Count(x => x == "WATCHDOG=1") >= 2, Patience);
        var reports = health.WaitUntil(m => m.Any(x => CameraFps(x.Payload) > 0), Patience);
        agent.Terminate();

        Assert.Equal(0, agent.WaitForExit(Patience));
        Assert.Contains("STATUS=capturing 1 camera(s), no model", string.Join("\n", notify.Messages), StringComparison.Ordinal);
        using var flowing = System.Text.Json.JsonDocument.Parse(reports.Last(r => CameraFps(r.Payload) > 0).Payload);
        var camera = flowing.RootElement.GetProperty("cameras").GetProperty("line1");
        Assert.Equal("Streaming", camera.GetProperty("state").GetString());
        Assert.InRange(camera.GetProperty("fps").GetDouble(), 5, 15);
        Assert.True(camera.GetProperty("framesProcessed").GetInt64() > 0);
    }

    private static double CameraFps(string healthJson)
    {
        using var json = System.Text.Json.JsonDocument.Parse(healthJson);
        return json.RootElement.GetProperty("cameras").GetProperty("line1").GetProperty("fps").GetDouble();
    }
}
