using System.Globalization;
using System.Text;
using System.Text.Json;
using Edge.Agent.Tests.Support;
using Edge.Testing;

namespace Edge.Agent.Tests.Updates;

/// <summary>
/// Commands a hostile or broken publisher sends the agent process through a real Mosquitto: payloads far over the
/// limits, bytes that are no UTF-8. Each is refused or dropped with its reason, and the agent goes on answering.
/// </summary>
public sealed class HostileCommandProcessTests : BrokerTest
{
    private const string Commands = "edge/plant1/box1/cmd/model";

    /// <summary>The fleet owner's key: the agent trusts it, and the well-formed commands that follow the hostile ones carry its signature.</summary>
    private static readonly System.Security.Cryptography.ECDsa Key = Edge.Bundles.Signing.SigningKeys.Generate();

    private static string Now => DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

    [Fact]
    public void A_command_larger_than_the_agent_s_packet_limit_never_reaches_it_and_the_agent_keeps_answering()
    {
        using var replies = Broker.Subscribe("edge/plant1/box1/cmd/model/reply", persistent: false);
        using var agent = StartAgent();

        // 8 MiB: over the MQTT 5 maximum packet size the agent announces (an archive chunk, 4 MiB, and room for its topic).
        PublishFile(Encoding.UTF8.GetBytes("{\"id\":\"big\",\"action\":\"report\",\"issuedUtc\":\"" + Now + "\",\"version\":\"" + new string('x', 8 << 20) + "\"}"));
        PublishFile(Encoding.UTF8.GetBytes(SignedCommands.Report("after-big", Key)));
        var answers = replies.WaitUntil(m => m.Any(x => x.Payload.Contains("after-big", StringComparison.Ordinal)), Patience);
        agent.Terminate();

        // The broker dropped it for this client instead of sending it (its log says so): the agent never held a copy.
        var reply = Assert.Single(answers);
        Assert.True(JsonDocument.Parse(reply.Payload).RootElement.GetProperty("accepted").GetBoolean(), reply.Payload);
        Assert.Contains("too large", Broker.Log, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, agent.WaitForExit(Patience));
    }

    [Fact]
    public void A_command_over_16_kib_is_refused_unread_with_its_size_logged_and_answered_and_the_agent_keeps_answering()
    {
        using var replies = Broker.Subscribe("edge/plant1/box1/cmd/model/reply", persistent: false);
        using var agent = StartAgent();

        PublishFile(Encoding.UTF8.GetBytes("{\"id\":\"wide\",\"action\":\"report\",\"issuedUtc\":\"" + Now + "\",\"version\":\"" + new string('x', 1 << 20) + "\"}"));
        PublishFile(Encoding.UTF8.GetBytes(SignedCommands.Report("after-wide", Key)));
        var answers = replies.WaitUntil(m => m.Count >= 2, Patience).Select(m => JsonDocument.Parse(m.Payload).RootElement).ToList();
        agent.Terminate();
        Assert.Equal(0, agent.WaitForExit(Patience));

        Assert.False(answers[0].GetProperty("accepted").GetBoolean());
        Assert.Equal("the command has 1048659 bytes, more than the 16384 allowed", answers[0].GetProperty("reason").GetString());
        Assert.Equal(("after-wide", true), (answers[1].GetProperty("id").GetString(), answers[1].GetProperty("accepted").GetBoolean()));
        Assert.Contains(agent.Errors, line => line.Contains($"MQTT message on {Commands} refused unread: 1048659 bytes, more than the 16384 that topic takes", StringComparison.Ordinal));
    }

    [Fact]
    public void A_command_whose_id_is_not_utf8_is_refused_with_that_reason_and_the_agent_keeps_answering()
    {
        using var replies = Broker.Subscribe("edge/plant1/box1/cmd/model/reply", persistent: false);
        using var agent = StartAgent();

        PublishFile([.. Encoding.UTF8.GetBytes("{\"id\":\"bad-"), 0xC0, 0xAF, 0xFF, .. Encoding.UTF8.GetBytes("\",\"action\":\"report\",\"issuedUtc\":\"" + Now + "\"}")]);
        PublishFile(Encoding.UTF8.GetBytes(SignedCommands.Report("after-bad", Key)));
        var answers = replies.WaitUntil(m => m.Count >= 2, Patience).Select(m => JsonDocument.Parse(m.Payload).RootElement).ToList();
        agent.Terminate();
        Assert.Equal(0, agent.WaitForExit(Patience));

        Assert.Equal(("", false), (answers[0].GetProperty("id").GetString(), answers[0].GetProperty("accepted").GetBoolean()));
        Assert.Equal("the command is not valid UTF-8 text", answers[0].GetProperty("reason").GetString());
        Assert.Equal(("after-bad", true), (answers[1].GetProperty("id").GetString(), answers[1].GetProperty("accepted").GetBoolean()));
    }

    private AgentProcess StartAgent()
    {
        var publicKey = Folder.File("trusted.pem");
        File.WriteAllText(publicKey, Edge.Bundles.Signing.SigningKeys.PublicKeyPem(Key));
        var config = AgentConfigFile.Write(Folder, Broker.Port, updates: $$"""{ "trustedKeys": ["{{publicKey}}"] }""");
        using var state = Broker.Subscribe("edge/plant1/box1/model/state", persistent: false);
        var agent = AgentProcess.Start(["run", "--config", config]);
        // The retained state comes after the command subscription was made.
        state.WaitUntil(m => m.Count > 0, Patience);
        return agent;
    }

    private void PublishFile(byte[] payload)
    {
        var file = Folder.File($"payload-{Guid.NewGuid():N}");
        File.WriteAllBytes(file, payload);
        ExternalTool.Run("mosquitto_pub", ["-h", "127.0.0.1", "-p", Broker.Port.ToString(CultureInfo.InvariantCulture), "-q", "1", "-t", Commands, "-f", file]);
    }
}
