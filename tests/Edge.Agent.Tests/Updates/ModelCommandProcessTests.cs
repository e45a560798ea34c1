using System.Globalization;
using System.Text.Json;
using Edge.Agent.Tests.Support;
using Edge.Testing;

namespace Edge.Agent.Tests.Updates;

/// <summary>Model commands sent to the agent process with mosquitto_pub, answers read with mosquitto_sub.</summary>
public sealed class ModelCommandProcessTests : BrokerTest
{
    private const string Commands = "edge/plant1/box1/cmd/model";

    private static string Now => DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

    [Fact]
    public void Malformed_retained_and_replayed_commands_are_refused_with_their_reason_and_a_report_is_answered()
    {
        var config = AgentConfigFile.Write(Folder, Broker.Port);
        // Left retained before the agent connects: the broker hands it over, flagged retained, on subscription.
        Publish("{\"id\":\"k1\",\"action\":\"report\",\"issuedUtc\":\"" + Now + "\"}", retain: true);
        using var replies = Broker.Subscribe("edge/plant1/box1/cmd/model/reply", persistent: false);
        using var state = Broker.Subscribe("edge/plant1/box1/model/state", persistent: false);
        using var status = Broker.Subscribe("edge/plant1/box1/status");
        using var agent = AgentProcess.Start(["run", "--config", config]);
        status.WaitUntil(m => m.Any(x => x.Payload == "online"), Patience);
        state.WaitUntil(m => m.Count > 0, Patience);
        replies.WaitUntil(m => m.Count > 0, Patience);

        Publish("{\"id\":\"a1\",\"action\":\"format-disk\",\"issuedUtc\":\"" + Now + "\"}");
        Publish("{\"id\":\"r1\",\"action\":\"report\",\"issuedUtc\":\"" + Now + "\"}");
        Publish("{\"id\":\"r1\",\"action\":\"report\",\"issuedUtc\":\"" + Now + "\"}");
        Publish("{\"id\":\"old\",\"action\":\"report\",\"issuedUtc\":\"2020-01-01T00:00:00Z\"}");
        var answers = replies.WaitUntil(m => m.Count >= 5, Patience).Select(m => JsonDocument.Parse(m.Payload).RootElement).ToList();
        var states = state.WaitUntil(m => m.Any(x => x.Payload.Contains("\"commandId\":\"r1\"", StringComparison.Ordinal)), Patience);
        agent.Terminate();

        Assert.Contains("retained commands are refused", Reason(answers[0]), StringComparison.Ordinal);
        Assert.Contains("action 'format-disk'", Reason(answers[1]), StringComparison.Ordinal);
        Assert.True(answers[2].GetProperty("accepted").GetBoolean());
        Assert.Contains("already received", Reason(answers[3]), StringComparison.Ordinal);
        Assert.Contains("outside the replay window", Reason(answers[4]), StringComparison.Ordinal);
        using var first = JsonDocument.Parse(states[0].Payload);
        Assert.Equal("idle", first.RootElement.GetProperty("state").GetString());
        Assert.Equal(0, agent.WaitForExit(Patience));
    }

    [Fact]
    public void An_mqtt5_command_is_answered_on_its_response_topic_with_its_correlation_data_and_an_install_without_trusted_keys_fails_with_that_reason()
    {
        var config = AgentConfigFile.Write(Folder, Broker.Port);
        using var replies = Broker.Subscribe("fleet/replies/#", persistent: false);
        using var state = Broker.Subscribe("edge/plant1/box1/model/state", persistent: false);
        using var agent = AgentProcess.Start(["run", "--config", config]);
        state.WaitUntil(m => m.Count > 0, Patience);

        ExternalTool.Run("mosquitto_pub", ["-h", "127.0.0.1", "-p", Broker.Port.ToString(CultureInfo.InvariantCulture), "-V", "mqttv5", "-q", "1",
            "-t", Commands, "-D", "publish", "response-topic", "fleet/replies/r", "-D", "publish", "correlation-data", "c-42",
            "-m", "{\"id\":\"i1\",\"action\":\"install\",\"issuedUtc\":\"" + Now + "\",\"version\":\"2.0.0\",\"urls\":[\"http://127.0.0.1:9/b.zip\"],\"sha256\":\"" + new string('a', 64) + "\",\"size\":10}"]);
        var reply = replies.WaitUntil(m => m.Count > 0, Patience)[0];
        var failed = state.WaitUntil(m => m.Any(x => x.Payload.Contains("\"commandId\":\"i1\"", StringComparison.Ordinal)), Patience);
        agent.Terminate();

        Assert.Equal("fleet/replies/r", reply.Topic);
        Assert.True(JsonDocument.Parse(reply.Payload).RootElement.GetProperty("accepted").GetBoolean());
        using var last = JsonDocument.Parse(failed.Last().Payload);
        Assert.Equal("failed", last.RootElement.GetProperty("state").GetString());
        Assert.Equal("2.0.0", last.RootElement.GetProperty("target").GetString());
        Assert.Contains("no trusted keys are configured", last.RootElement.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, agent.WaitForExit(Patience));
    }

    private static string Reason(JsonElement answer)
    {
        Assert.False(answer.GetProperty("accepted").GetBoolean());
        return answer.GetProperty("reason").GetString()!;
    }

    private void Publish(string payload, bool retain = false)
    {
        var arguments = new List<string> { "-h", "127.0.0.1", "-p", Broker.Port.ToString(CultureInfo.InvariantCulture), "-q", "1", "-t", Commands, "-m", payload };
        if (retain)
        {
            arguments.Add("-r");
        }
        ExternalTool.Run("mosquitto_pub", arguments);
    }
}
