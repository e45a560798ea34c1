using Edge.Agent.Tests.Support;
using Edge.Testing;

namespace Edge.Agent.Tests.Hosting;

/// <summary>The agent process as systemd runs it: a real notify socket, a real broker, a real SIGTERM.</summary>
public sealed class AgentProcessTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly TempFolder _folder = new();
    private readonly MosquittoBroker _broker = MosquittoBroker.Start();

    public void Dispose()
    {
        _broker.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public void Run_with_no_cameras_connects_reports_ready_pings_the_watchdog_and_stops_cleanly_on_sigterm()
    {
        var config = AgentConfigFile.Write(_folder, _broker.Port);
        using var status = _broker.Subscribe("edge/plant1/box1/status");
        using var health = _broker.Subscribe("edge/plant1/box1/health", persistent: false);
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
        Assert.Equal("READY=1", early[0]);
        Assert.Contains("STATUS=idle (no cameras), 0 fps, outbox 0", early);
        Assert.Equal("STOPPING=1", messages.Single(m => m.StartsWith("STOPPING", StringComparison.Ordinal)));
        Assert.True(messages.IndexOf("STOPPING=1") > messages.LastIndexOf("READY=1"));
        Assert.Single(messages, m => m == "READY=1");
        Assert.Equal(["online", "offline"], status.WaitUntil(m => m.Count >= 2, Patience).Select(m => m.Payload));
        using var json = System.Text.Json.JsonDocument.Parse(report.Payload);
        Assert.Equal("idle (no cameras)", json.RootElement.GetProperty("state").GetString());
        Assert.Equal(0, json.RootElement.GetProperty("outboxDepth").GetInt64());
        Assert.Contains("MQTT connected to 127.0.0.1:" + _broker.Port, string.Join("\n", agent.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Watchdog_pings_come_at_half_the_watchdog_interval()
    {
        var config = AgentConfigFile.Write(_folder, _broker.Port);
        using var notify = new NotifySocket();
        using var agent = AgentProcess.Start(
            ["run", "--config", config],
            new Dictionary<string, string> { ["NOTIFY_SOCKET"] = notify.Path, ["WATCHDOG_USEC"] = "2000000" });

        notify.WaitFor(m => m.Count(x => x == "WATCHDOG=1") >= 3, Patience);
        agent.Terminate();
        agent.WaitForExit(Patience);

        // The idle pipeline beats every second, so every 1 s check finds progress: pings about 1 s apart.
        var pings = notify.TimedMessages.Where(m => m.Message == "WATCHDOG=1").Select(m => m.At).ToList();
        var gaps = pings.Zip(pings.Skip(1), (a, b) => (b - a).TotalSeconds).ToList();
        Assert.All(gaps, gap => Assert.InRange(gap, 0.7, 1.5));
    }

    [Fact]
    public void Without_a_broker_the_agent_still_starts_and_stops_on_sigterm()
    {
        _broker.Stop();
        var config = AgentConfigFile.Write(_folder, _broker.Port);
        using var notify = new NotifySocket();
        using var agent = AgentProcess.Start(["run", "--config", config], new Dictionary<string, string> { ["NOTIFY_SOCKET"] = notify.Path });

        notify.WaitFor(m => m.Contains("READY=1"), Patience);
        agent.Terminate();

        Assert.Equal(0, agent.WaitForExit(Patience));
        Assert.Contains("STOPPING=1", notify.Messages);
        Assert.Contains(agent.Errors, line => line.Contains($"MQTT connection to 127.0.0.1:{_broker.Port} failed", StringComparison.Ordinal));
    }
}
