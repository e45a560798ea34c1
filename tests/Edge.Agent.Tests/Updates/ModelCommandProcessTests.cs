using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Edge.Agent.Tests.Support;
using Edge.Bundles.Signing;
using Edge.Fleet;
using Edge.Testing;

namespace Edge.Agent.Tests.Updates;

/// <summary>Model commands sent to the agent process with mosquitto_pub, answers read with mosquitto_sub.</summary>
public sealed class ModelCommandProcessTests : BrokerTest
{
    private const string Commands = "edge/plant1/box1/cmd/model";

    private readonly ECDsa _key = SigningKeys.Generate();

    private static string Now => DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

    /// <summary>Signed a long time ago, valid for twenty years: only the device's replay window refuses it.</summary>
    private static readonly DateTimeOffset LongAgo = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private string KeyPath
    {
        get
        {
            var path = Folder.File("command-key.pem");
            if (!File.Exists(path))
            {
                File.WriteAllText(path, SigningKeys.PublicKeyPem(_key));
            }
            return path;
        }
    }

    [Fact]
    public void Malformed_retained_unsigned_wrongly_signed_and_replayed_commands_are_refused_with_their_reason_and_a_signed_report_is_answered()
    {
        using var stranger = SigningKeys.Generate();
        var config = AgentConfigFile.Write(Folder, Broker.Port, updates: $$"""{ "commandKeys": ["{{KeyPath}}"] }""");
        // Left retained before the agent connects: the broker hands it over, flagged retained, on subscription.
        Publish(SignedCommands.Report("k1", _key), retain: true);
        using var replies = Broker.Subscribe("edge/plant1/box1/cmd/model/reply", persistent: false);
        using var state = Broker.Subscribe("edge/plant1/box1/model/state", persistent: false);
        using var status = Broker.Subscribe("edge/plant1/box1/status");
        using var agent = AgentProcess.Start(["run", "--config", config]);
        status.WaitUntil(m => m.Any(x => x.Payload == "online"), Patience);
        state.WaitUntil(m => m.Count > 0, Patience);
        replies.WaitUntil(m => m.Count > 0, Patience);

        var r1 = SignedCommands.Report("r1", _key);
        Publish("{\"id\":\"a1\",\"action\":\"format-disk\",\"issuedUtc\":\"" + Now + "\"}");
        Publish(r1);
        Publish(r1);
        Publish(SignedCommands.Report("old", _key, issuedUtc: LongAgo, lifetime: TimeSpan.FromDays(7300)));
        Publish("{\"id\":\"u1\",\"action\":\"report\",\"issuedUtc\":\"" + Now + "\"}");
        Publish(SignedCommands.Report("w1", stranger));
        Publish(SignedCommands.Report("e1", _key, issuedUtc: DateTimeOffset.UtcNow.AddMinutes(-20)));
        Publish(SignedCommands.Report("box2", _key, device: "box2"));
        var answers = replies.WaitUntil(m => m.Count >= 9, Patience).Select(m => JsonDocument.Parse(m.Payload).RootElement).ToList();
        var states = state.WaitUntil(m => m.Any(x => x.Payload.Contains("\"commandId\":\"r1\"", StringComparison.Ordinal)), Patience);
        agent.Terminate();

        Assert.Contains("retained commands are refused", Reason(answers[0]), StringComparison.Ordinal);
        Assert.Contains("action 'format-disk'", Reason(answers[1]), StringComparison.Ordinal);
        Assert.True(answers[2].GetProperty("accepted").GetBoolean());
        Assert.Contains("already received", Reason(answers[3]), StringComparison.Ordinal);
        Assert.Contains("outside the replay window", Reason(answers[4]), StringComparison.Ordinal);
        Assert.Contains("the command is not signed", Reason(answers[5]), StringComparison.Ordinal);
        Assert.Contains("which this device does not trust for commands", Reason(answers[6]), StringComparison.Ordinal);
        Assert.Contains("the command expired at", Reason(answers[7]), StringComparison.Ordinal);
        Assert.Contains("signed for device plant1/box2, not this one (plant1/box1)", Reason(answers[8]), StringComparison.Ordinal);
        Assert.Equal(["", "", "r1", "r1", "old", "u1", "w1", "e1", "box2"], answers.Select(a => a.GetProperty("id").GetString()));
        using var first = JsonDocument.Parse(states[0].Payload);
        Assert.Equal("idle", first.RootElement.GetProperty("state").GetString());
        Assert.Equal(0, agent.WaitForExit(Patience));
    }

    [Fact]
    public void A_refused_command_is_not_carried_out_a_replayed_or_outdated_signed_report_publishes_no_state_of_its_own()
    {
        var config = AgentConfigFile.Write(Folder, Broker.Port, updates: $$"""{ "commandKeys": ["{{KeyPath}}"] }""");
        using var replies = Broker.Subscribe("edge/plant1/box1/cmd/model/reply", persistent: false);
        using var state = Broker.Subscribe("edge/plant1/box1/model/state", persistent: false);
        using var agent = AgentProcess.Start(["run", "--config", config]);
        state.WaitUntil(m => m.Count > 0, Patience);

        var r1 = SignedCommands.Report("r1", _key);
        Publish(r1);
        Publish(r1);
        Publish(SignedCommands.Report("old", _key, issuedUtc: LongAgo, lifetime: TimeSpan.FromDays(7300)));
        // Commands are carried out in the order they arrive: once the last one's state is out, the refused ones had their chance.
        Publish(SignedCommands.Report("last", _key));
        var answers = replies.WaitUntil(m => m.Count >= 4, Patience).Select(m => JsonDocument.Parse(m.Payload).RootElement).ToList();
        var states = state.WaitUntil(m => m.Any(x => x.Payload.Contains("\"commandId\":\"last\"", StringComparison.Ordinal)), Patience);
        agent.Terminate();

        Assert.Equal([true, false, false, true], answers.Select(a => a.GetProperty("accepted").GetBoolean()));
        Assert.Single(states, s => s.Payload.Contains("\"commandId\":\"r1\"", StringComparison.Ordinal));
        Assert.DoesNotContain(states, s => s.Payload.Contains("\"commandId\":\"old\"", StringComparison.Ordinal));
        Assert.Equal(0, agent.WaitForExit(Patience));
    }

    [Fact]
    public void An_mqtt5_command_is_answered_on_its_response_topic_with_its_correlation_data_and_an_install_without_trusted_keys_fails_with_that_reason()
    {
        // A command key, but no key that may sign bundles: commands are accepted and every install fails.
        var config = AgentConfigFile.Write(Folder, Broker.Port, updates: $$"""{ "commandKeys": ["{{KeyPath}}"], "archiveHosts": ["127.0.0.1"] }""");
        using var replies = Broker.Subscribe("edge-train/#", persistent: false);
        using var state = Broker.Subscribe("edge/plant1/box1/model/state", persistent: false);
        using var agent = AgentProcess.Start(["run", "--config", config]);
        state.WaitUntil(m => m.Count > 0, Patience);

        PublishMqtt5(SignedCommands.Json(Install("i1", "http://127.0.0.1:9/b.zip"), _key), "edge-train/test/r/reply", "c-42");
        var reply = replies.WaitUntil(m => m.Count > 0, Patience)[0];
        var failed = state.WaitUntil(m => m.Any(x => x.Payload.Contains("\"commandId\":\"i1\"", StringComparison.Ordinal)), Patience);
        agent.Terminate();

        Assert.Equal("edge-train/test/r/reply", reply.Topic);
        Assert.True(JsonDocument.Parse(reply.Payload).RootElement.GetProperty("accepted").GetBoolean());
        using var last = JsonDocument.Parse(failed.Last().Payload);
        Assert.Equal("failed", last.RootElement.GetProperty("state").GetString());
        Assert.Equal("2.0.0", last.RootElement.GetProperty("target").GetString());
        Assert.Contains("no trusted keys are configured", last.RootElement.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, agent.WaitForExit(Patience));
    }

    [Fact]
    public void A_response_topic_outside_the_fleet_tools_reply_topics_is_ignored_and_the_reply_goes_to_the_device_s_reply_topic_never_into_its_tree()
    {
        var config = AgentConfigFile.Write(Folder, Broker.Port, updates: $$"""{ "commandKeys": ["{{KeyPath}}"] }""");
        using var everything = Broker.Subscribe("#", persistent: false);
        using var state = Broker.Subscribe("edge/plant1/box1/model/state", persistent: false);
        using var agent = AgentProcess.Start(["run", "--config", config]);
        state.WaitUntil(m => m.Count > 0, Patience);

        PublishMqtt5(SignedCommands.Report("i1", _key), "edge/plant1/box1/alarms/line1", "inject-1");
        PublishMqtt5("{\"id\":\"i2\",\"action\":\"report\",\"issuedUtc\":\"" + Now + "\"}", "edge/plant1/box1/status", "inject-2");
        PublishMqtt5(SignedCommands.Report("i3", _key), "edge-train/rollout/run-1/reply", "c-3");
        static bool IsReply(MosquittoMessage m) => m.Topic != Commands && m.Payload.Contains("\"accepted\":", StringComparison.Ordinal);
        var messages = everything.WaitUntil(m => m.Count(IsReply) >= 3, Patience);
        agent.Terminate();

        var replies = messages.Where(IsReply).ToList();
        Assert.Equal(
            [("edge/plant1/box1/cmd/model/reply", "i1", true), ("edge/plant1/box1/cmd/model/reply", "i2", false), ("edge-train/rollout/run-1/reply", "i3", true)],
            replies.Select(m => (m.Topic, JsonDocument.Parse(m.Payload).RootElement.GetProperty("id").GetString(), JsonDocument.Parse(m.Payload).RootElement.GetProperty("accepted").GetBoolean())));
        Assert.DoesNotContain(messages, m => m.Topic == "edge/plant1/box1/alarms/line1");
        Assert.DoesNotContain(messages, m => m.Topic == "edge/plant1/box1/status" && m.Payload.Contains('{', StringComparison.Ordinal));
        Assert.Contains(agent.Errors, l => l.Contains("response topic 'edge/plant1/box1/alarms/line1' ignored", StringComparison.Ordinal));
        Assert.Equal(0, agent.WaitForExit(Patience));
    }

    [Fact]
    public async Task A_signed_install_from_a_host_not_in_archive_hosts_fails_before_anything_is_fetched()
    {
        using var www = new TempFolder();
        await File.WriteAllBytesAsync(www.File("b.zip"), new byte[100]);
        await using var server = await ArchiveServer.StartAsync(www.Path);
        var config = AgentConfigFile.Write(Folder, Broker.Port, updates: $$"""{ "trustedKeys": ["{{KeyPath}}"] }""");
        using var state = Broker.Subscribe("edge/plant1/box1/model/state", persistent: false);
        using var agent = AgentProcess.Start(["run", "--config", config]);
        state.WaitUntil(m => m.Count > 0, Patience);

        Publish(SignedCommands.Json(Install("h1", server.Url("b.zip").ToString()), _key));
        var failed = state.WaitUntil(m => m.Any(x => x.Payload.Contains("\"commandId\":\"h1\"", StringComparison.Ordinal) && x.Payload.Contains("failed", StringComparison.Ordinal)), Patience);
        agent.Terminate();

        var reason = JsonDocument.Parse(failed.Last().Payload).RootElement.GetProperty("reason").GetString();
        Assert.Equal($"the archive is not fetched: 127.0.0.1:{server.Port.ToString(CultureInfo.InvariantCulture)} is not in updates.archiveHosts, which is empty: this device downloads from no server (list the model server's host, or send the archive as mqtt-chunks:)", reason);
        Assert.Empty(server.Requests);
        Assert.Equal(0, agent.WaitForExit(Patience));
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _key.Dispose();
        }
        base.Dispose(disposing);
    }

    private static ModelCommand Install(string id, string url) => new()
    {
        Id = id, Action = ModelAction.Install, IssuedUtc = DateTimeOffset.UtcNow, Version = "2.0.0", Urls = [new Uri(url)], Sha256 = new string('a', 64), Size = 100,
    };

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

    private void PublishMqtt5(string payload, string responseTopic, string correlation) =>
        ExternalTool.Run("mosquitto_pub", ["-h", "127.0.0.1", "-p", Broker.Port.ToString(CultureInfo.InvariantCulture), "-V", "mqttv5", "-q", "1",
            "-t", Commands, "-D", "publish", "response-topic", responseTopic, "-D", "publish", "correlation-data", correlation, "-m", payload]);
}
