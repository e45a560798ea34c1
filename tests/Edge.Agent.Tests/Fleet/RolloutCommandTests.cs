using System.Globalization;
using System.Text.Json;
using Edge.Agent.Tests.Support;
using Edge.Testing;

namespace Edge.Agent.Tests.Fleet;

/// <summary><c>edge-train rollout</c> against a real agent process and broker: the protocol as both sides really speak it.</summary>
public sealed class RolloutCommandTests : BrokerTest
{
    private static readonly string Trainer = Path.Combine(AppContext.BaseDirectory, "edge-train.dll");

    [Fact]
    public void A_rollout_to_this_agent_build_is_accepted_then_ends_failed_with_the_agent_s_reason_and_a_non_zero_exit()
    {
        var config = AgentConfigFile.Write(Folder, Broker.Port);
        using var status = Broker.Subscribe("edge/plant1/box1/status", persistent: false);
        using var agent = AgentProcess.Start(["run", "--config", config]);
        status.WaitUntil(m => m.Any(x => x.Payload == "online"), Patience);
        var broker = $"mqtt://127.0.0.1:{Broker.Port.ToString(CultureInfo.InvariantCulture)}";

        var error = Assert.Throws<ExternalToolException>(() => ExternalTool.Run("dotnet", [Trainer, "rollout", "--broker", broker,
            "--archive-url", "http://127.0.0.1:9/edge-2.0.0.zip", "--devices", "plant1/+", "--version", "2.0.0", "--sha256", new string('a', 64),
            "--size", "10", "--listen-seconds", "1", "--timeout-minutes", "1", "--json"], Patience));
        agent.Terminate();

        // With --json the one-line summary goes to standard error, which is what ExternalTool keeps of a failed run.
        Assert.Equal(2, error.ExitCode);
        var summary = Assert.Single(error.ErrorOutput.Trim().Split('\n'));
        Assert.Contains("0 of 1 device(s) active on 2.0.0, 1 failed", summary, StringComparison.Ordinal);
        Assert.Contains("first failure plant1/box1: this agent build cannot install", summary, StringComparison.Ordinal);
        Assert.Equal(0, agent.WaitForExit(Patience));
    }
}
