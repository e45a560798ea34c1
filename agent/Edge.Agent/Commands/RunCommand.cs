using System.CommandLine;
using Edge.Agent.Alarms;
using Edge.Agent.Configuration;
using Edge.Agent.Hosting;
using Edge.Agent.Outbox;
using Edge.Agent.Pipeline;
using Edge.Agent.Updates.Startup;
using Microsoft.Extensions.Hosting;

namespace Edge.Agent.Commands;

/// <summary><c>edge-agent run --config FILE</c>: the service, until SIGTERM.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var config = ConfigOption.Create();
        var noModel = new Option<bool>("--no-model")
        {
            Description = "Run cameras, MQTT and the outbox without loading the model (commissioning, tests): frames are captured and counted, not scored.",
        };
        var command = new Command("run", "Run the agent (what the systemd unit starts).") { config, noModel };
        command.SetAction((parse, _) => StartupErrors.GuardAsync("run", async () =>
        {
            var loaded = ConfigFile.Load(parse.GetValue(config)!);
            using var startupLoggers = AgentHost.StartupLoggers();
            // Before any model loads: finish or undo a switch a crash interrupted, count a start during probation.
            var updates = UpdateStartup.Recover(loaded, DateTimeOffset.UtcNow);
            var pipeline = PipelineFactory.Choose(loaded, parse.GetValue(noModel), startupLoggers, updates);
            using var outbox = new SqliteOutbox(loaded.OutboxPath, loaded.Outbox.MaxMessages);
            // Before anything alarms: what the last run left open (a kill -9) gets its end, ahead of every new message.
            AlarmPublisher.EndLeftOpen(outbox, startupLoggers.CreateLogger("Edge.Agent.Alarms"));
            using var host = AgentHost.Build(loaded, outbox, pipeline, updates: updates);
            // The host handles SIGTERM itself (STOPPING=1, drain, flush, offline), so no token is passed.
            await host.RunAsync().ConfigureAwait(false);
            return Environment.ExitCode;
        }));
        return command;
    }
}
