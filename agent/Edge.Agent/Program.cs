using System.CommandLine;
using Edge.Agent.Commands;

namespace Edge.Agent;

/// <summary>Entry point of <c>edge-agent</c>, the on-device service.</summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var root = new RootCommand("edge-agent: camera frames to anomaly alarms over MQTT.")
        {
            RunCommand.Create(),
            CheckConfigCommand.Create(),
            TestAlarmsCommand.Create(),
            ScoreCommand.Create(),
        };
        // The host handles SIGTERM (drain, flush, offline); the command line library must not cut it short.
        var invocation = new InvocationConfiguration { ProcessTerminationTimeout = null };
        return await root.Parse(args).InvokeAsync(invocation).ConfigureAwait(false);
    }
}
