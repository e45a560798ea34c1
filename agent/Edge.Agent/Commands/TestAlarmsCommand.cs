using System.CommandLine;
using Edge.Agent.Alarms;
using Edge.Agent.Configuration;
using Edge.Agent.Hosting;
using Edge.Agent.Outbox;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Edge.Agent.Commands;

/// <summary>
/// <c>edge-agent test-alarms --config FILE --count N</c>: sends N synthetic alarms (start and end) through
/// the agent's outbox to the configured broker, to check the wiring to line controllers and dashboards;
/// exits once the broker has acknowledged all of them. <c>--count 0</c> just flushes the outbox.
/// </summary>
internal static class TestAlarmsCommand
{
    public static Command Create()
    {
        var config = ConfigOption.Create();
        var count = new Option<int>("--count") { Description = "Alarms to send (each a start and an end message).", DefaultValueFactory = _ => 3 };
        var camera = new Option<string>("--camera") { Description = "Camera name in the topic and messages.", DefaultValueFactory = _ => "test" };
        var interval = new Option<int>("--interval-ms") { Description = "Pause between alarms.", DefaultValueFactory = _ => 0 };
        var command = new Command("test-alarms", "Send synthetic alarms through the outbox to the broker, then exit.")
        {
            config, count, camera, interval,
        };
        command.SetAction((parse, _) => StartupErrors.GuardAsync("test-alarms", async () =>
        {
            var loaded = ConfigFile.Load(parse.GetValue(config)!);
            var options = new TestAlarmsOptions(
                Math.Max(0, parse.GetValue(count)), parse.GetValue(camera)!, TimeSpan.FromMilliseconds(Math.Max(0, parse.GetValue(interval))));
            // Every frame decides at once: one frame over threshold starts an alarm, one under ends it.
            loaded = loaded with
            {
                Alarms = loaded.Alarms with { DebounceK = 1, DebounceN = 1, Hold = TimeSpan.Zero, Cooldown = TimeSpan.Zero },
                Cameras = [],
                // Its own session, so that a running service on the same box keeps its connection.
                Mqtt = loaded.Mqtt with { ClientId = loaded.Mqtt.ClientId + "-test-alarms" },
            };
            using var outbox = new SqliteOutbox(loaded.OutboxPath, loaded.Outbox.MaxMessages);
            using var host = AgentHost.Build(loaded, outbox, sp => new TestAlarmsPipeline(
                sp.GetRequiredService<AlarmPublisher>(), outbox, sp.GetRequiredService<IHostApplicationLifetime>(), options), announceStatus: false);
            await host.RunAsync().ConfigureAwait(false);
            return Environment.ExitCode;
        }));
        return command;
    }
}
