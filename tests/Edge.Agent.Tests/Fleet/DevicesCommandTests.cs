using System.Globalization;
using System.Text.Json;
using Edge.Agent.Tests.Support;
using Edge.Testing;

namespace Edge.Agent.Tests.Fleet;

/// <summary><c>edge-train devices</c> reading a real agent process's topics from a real broker.</summary>
public sealed class DevicesCommandTests : BrokerTest
{
    private static readonly string Trainer = Path.Combine(AppContext.BaseDirectory, "edge-train.dll");

    [Fact]
    public void Devices_lists_a_running_agent_with_its_status_model_state_and_health_and_the_filter_leaves_others_out()
    {
        var config = AgentConfigFile.Write(Folder, Broker.Port);
        using var state = Broker.Subscribe("edge/plant1/box1/model/state", persistent: false);
        using var health = Broker.Subscribe("edge/plant1/box1/health", persistent: false);
        using var agent = AgentProcess.Start(["run", "--config", config]);
        state.WaitUntil(m => m.Count > 0, Patience);
        health.WaitUntil(m => m.Count > 0, Patience);
        var broker = $"mqtt://127.0.0.1:{Broker.Port.ToString(CultureInfo.InvariantCulture)}";

        var listed = ExternalTool.Run("dotnet", [Trainer, "devices", "--broker", broker, "--json", "--listen-seconds", "1.5"]);
        var elsewhere = ExternalTool.Run("dotnet", [Trainer, "devices", "--broker", broker, "--json", "--devices", "plant2/+", "--listen-seconds", "0.5"]);
        var table = ExternalTool.Run("dotnet", [Trainer, "devices", "--broker", broker, "--listen-seconds", "0.5"]);
        agent.Terminate();

        var device = JsonDocument.Parse(Assert.Single(listed.Trim().Split('\n'))).RootElement;
        Assert.Equal("plant1", device.GetProperty("site").GetString());
        Assert.Equal("box1", device.GetProperty("device").GetString());
        Assert.Equal("online", device.GetProperty("status").GetString());
        Assert.Equal("idle", device.GetProperty("modelState").GetString());
        Assert.Equal(0, device.GetProperty("fps").GetDouble());
        Assert.Equal("", elsewhere.Trim());
        Assert.Contains("plant1/box1", table, StringComparison.Ordinal);
        Assert.Contains("1 device(s) matching +/+", table, StringComparison.Ordinal);
        Assert.Equal(0, agent.WaitForExit(Patience));
    }

    [Theory]
    [InlineData("http://127.0.0.1:1883", "is not a broker address")]
    [InlineData("mqtt://127.0.0.1:1", "Cannot reach the broker")]
    public void A_bad_or_unreachable_broker_is_a_one_line_error(string broker, string message)
    {
        var error = Assert.Throws<ExternalToolException>(() => ExternalTool.Run("dotnet", [Trainer, "devices", "--broker", broker]));

        Assert.Equal(1, error.ExitCode);
        Assert.Contains(message, error.ErrorOutput, StringComparison.Ordinal);
        Assert.Single(error.ErrorOutput.Trim().Split('\n'));
    }
}
