using System.CommandLine;
using Edge.Agent.Configuration;

namespace Edge.Agent.Commands;

/// <summary>The <c>--config FILE</c> option every command shares.</summary>
internal static class ConfigOption
{
    public static Option<string> Create() => new("--config", "-c")
    {
        Description = $"The agent's configuration file (default {AgentConfig.DefaultPath}); EDGE_ variables override its keys.",
        DefaultValueFactory = _ => AgentConfig.DefaultPath,
    };
}
