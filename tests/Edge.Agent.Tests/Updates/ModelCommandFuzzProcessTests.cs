using System.Buffers;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using CsCheck;
using Edge.Agent.Tests.Support;
using Edge.Bundles.Signing;
using Edge.Fleet;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace Edge.Agent.Tests.Updates;

/// <summary>
/// A smaller run of the fuzzed commands (<see cref="MalformedCommands"/>) through a real Mosquitto to a real agent
/// process, published and watched with MQTTnet (exact bytes, every topic): each gets exactly one refusal with a reason,
/// on the device's reply topic or a fleet tool's, nothing is carried out, and the agent stays up and still obeys.
/// </summary>
public sealed class ModelCommandFuzzProcessTests : BrokerTest
{
    private const int Count = 400;
    private const string Replies = "edge/plant1/box1/cmd/model/reply";

    [Fact]
    public async Task Four_hundred_malformed_commands_over_a_real_broker_are_each_refused_once_with_a_reason_and_the_agent_still_carries_out_a_signed_one()
    {
        using var key = SigningKeys.Generate();
        using var stranger = SigningKeys.Generate();
        File.WriteAllText(Folder.File("command.pem"), SigningKeys.PublicKeyPem(key));
        // Without wildcards or empty response topics: the broker would refuse to pass those on (they are fuzzed in-process).
        var cases = new MalformedCommands(key, stranger).Cases(wildcardTopics: false).Array[Count].Single();
        using var agent = AgentProcess.Start(["run", "--config", AgentConfigFile.Write(Folder, Broker.Port, updates: $$"""{ "commandKeys": ["{{Folder.File("command.pem")}}"] }""")]);
        var seen = new List<(string Topic, byte[] Payload)>();
        using var watcher = await ConnectAsync(m =>
        {
            lock (seen)
            {
                seen.Add((m.Topic, m.Payload.ToArray()));
            }
        });
        await watcher.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter("#", MqttQualityOfServiceLevel.AtLeastOnce).Build());
        List<(string Topic, byte[] Payload)> Seen()
        {
            lock (seen)
            {
                return [.. seen];
            }
        }
        await WaitAsync(() => Seen().Any(m => m.Topic == "edge/plant1/box1/model/state"), agent);
        using var sender = await ConnectAsync(_ => { });

        foreach (var sample in cases)
        {
            var message = new MqttApplicationMessageBuilder().WithTopic("edge/plant1/box1/cmd/model").WithPayload(sample.Payload)
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).WithCorrelationData([7]);
            if (sample.ResponseTopic is { } topic)
            {
                message.WithResponseTopic(topic);
            }
            await sender.PublishAsync(message.Build());
        }
        // Carried out in order: once this one's state is out, every command before it had its turn.
        await sender.PublishAsync(new MqttApplicationMessageBuilder().WithTopic("edge/plant1/box1/cmd/model")
            .WithPayload(SignedCommands.Report("control", key)).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());
        var replyTopics = new HashSet<string>(cases.Select(c => c.ResponseTopic).OfType<string>().Where(FleetTopics.IsReplyTopic).Append(Replies), StringComparer.Ordinal);
        List<JsonElement> RepliesSeen() => Seen().Where(m => replyTopics.Contains(m.Topic)).Select(m => JsonDocument.Parse(m.Payload).RootElement).ToList();
        await WaitAsync(() => RepliesSeen().Count >= Count + 1 && Seen().Any(m => m.Topic == "edge/plant1/box1/model/state" && Encoding.UTF8.GetString(m.Payload).Contains("\"commandId\":\"control\"", StringComparison.Ordinal)), agent);
        await Task.Delay(500);
        var alive = !agent.HasExited;
        agent.Terminate();

        var replies = RepliesSeen();
        Assert.True(alive, string.Join("\n", agent.Errors.TakeLast(20)));
        Assert.Equal(Count + 1, replies.Count);
        Assert.All(replies.Take(Count), r =>
        {
            Assert.False(r.GetProperty("accepted").GetBoolean());
            Assert.False(string.IsNullOrWhiteSpace(r.GetProperty("reason").GetString()));
        });
        Assert.True(replies[^1].GetProperty("accepted").GetBoolean());
        // Nothing was published into the device's tree but what the device always publishes, and no state names another command.
        var deviceTopics = new[] { "status", "health", "model/state", "cmd/model", "cmd/model/reply" }.Select(t => "edge/plant1/box1/" + t).ToHashSet(StringComparer.Ordinal);
        Assert.All(Seen().Where(m => m.Topic.StartsWith("edge/", StringComparison.Ordinal)), m => Assert.Contains(m.Topic, deviceTopics));
        Assert.All(Seen().Where(m => !m.Topic.StartsWith("edge/", StringComparison.Ordinal)), m => Assert.True(replyTopics.Contains(m.Topic), $"a message on {m.Topic}"));
        var commandIds = Seen().Where(m => m.Topic == "edge/plant1/box1/model/state")
            .Select(m => JsonDocument.Parse(m.Payload).RootElement.TryGetProperty("commandId", out var id) ? id.GetString() : null).Distinct().ToList();
        Assert.Equal([null, "control"], commandIds);
        Assert.Equal(0, agent.WaitForExit(Patience));
    }

    private async Task<IMqttClient> ConnectAsync(Action<MqttApplicationMessage> received)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        client.ApplicationMessageReceivedAsync += e =>
        {
            received(e.ApplicationMessage);
            return Task.CompletedTask;
        };
        await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", Broker.Port)
            .WithClientId("fuzz-" + Guid.NewGuid().ToString("N")[..8]).WithProtocolVersion(MqttProtocolVersion.V500).Build());
        return client;
    }

    private static async Task WaitAsync(Func<bool> done, AgentProcess agent)
    {
        var clock = Stopwatch.StartNew();
        while (!done())
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(60) || agent.HasExited)
            {
                throw new TimeoutException("not as expected; agent stderr:\n" + string.Join("\n", agent.Errors.TakeLast(30)));
            }
            await Task.Delay(50);
        }
    }
}
