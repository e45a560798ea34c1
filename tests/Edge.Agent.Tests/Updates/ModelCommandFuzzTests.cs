using System.Collections.Concurrent;
using CsCheck;
using Edge.Agent.Configuration;
using Edge.Agent.Mqtt;
using Edge.Agent.Tests.Support;
using Edge.Agent.Updates;
using Edge.Bundles.Signing;
using Edge.Fleet;
using Edge.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Edge.Agent.Tests.Updates;

/// <summary>
/// The agent's command handling (<see cref="ModelCommandInbox"/>: parsing, signature, replay guard, queue, reply topic)
/// in-process, fed 12,000 generated malformed, unsigned and wrongly signed commands (<see cref="MalformedCommands"/>):
/// none may throw, each is refused with a reason, none is queued to be carried out, none spends an id, and no reply
/// goes anywhere but the device's reply topic or a fleet tool's. The inbox's link is never connected: replies are
/// taken from the handler, not from a broker (the process test sends a smaller run through a real one).
/// </summary>
public sealed class ModelCommandFuzzTests : IDisposable
{
    private static readonly FleetTopics Topics = new("plant1", "box1");

    private readonly TempFolder _folder = new();
    private readonly System.Security.Cryptography.ECDsa _key = SigningKeys.Generate();
    private readonly System.Security.Cryptography.ECDsa _stranger = SigningKeys.Generate();
    private readonly MqttLink _link = new(new MqttConfig { Port = FreePort.Pick() }, new MqttTopics("plant1", "box1"), NullLogger<MqttLink>.Instance);
    private readonly CommandAuthority _authority;
    private readonly ModelCommandInbox _inbox;

    public ModelCommandFuzzTests()
    {
        File.WriteAllText(_folder.File("command.pem"), SigningKeys.PublicKeyPem(_key));
        _authority = new CommandAuthority([_folder.File("command.pem")], Topics);
        _inbox = new ModelCommandInbox(_link, Topics, new ReplayGuard(SeenPath, TimeSpan.FromMinutes(60)), _authority, NullLogger<ModelCommandInbox>.Instance);
    }

    private string SeenPath => _folder.File("updates/seen-commands.json");

    [Fact]
    public void Twelve_thousand_malformed_unsigned_and_wrongly_signed_commands_are_each_refused_with_a_reason_and_none_is_carried_out()
    {
        var kinds = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);

        new MalformedCommands(_key, _stranger).Cases().Sample(sample =>
        {
            var (topic, reply) = _inbox.Handle(new MqttInboundMessage(Topics.ModelCommand, sample.Payload, sample.Retained, sample.ResponseTopic, [1, 2, 3]));

            Assert.False(reply.Accepted, "accepted");
            Assert.False(string.IsNullOrWhiteSpace(reply.Reason), "no reason");
            Assert.False(_inbox.Commands.TryRead(out var queued), $"queued to be carried out: {queued?.Id}");
            Assert.True(topic == Topics.ModelCommandReply || (FleetTopics.IsReplyTopic(topic) && topic == sample.ResponseTopic), $"replied on {topic}");
            kinds.AddOrUpdate(sample.Kind, 1, (_, n) => n + 1);
        }, iter: 12_000);

        // Nothing was admitted, so no id was spent and the replay guard wrote nothing.
        Assert.False(File.Exists(SeenPath));
        Assert.Equal(12, kinds.Count);
        Assert.All(kinds, k => Assert.True(k.Value >= 100, $"only {k.Value} of kind {k.Key}"));
        Assert.Equal(12_000, kinds.Values.Sum());
    }

    [Fact]
    public void The_fuzzed_handler_accepts_and_queues_the_signed_command_the_cases_are_made_from()
    {
        var signed = SignedCommands.Report("control-1", _key);

        var (topic, reply) = _inbox.Handle(new MqttInboundMessage(Topics.ModelCommand, System.Text.Encoding.UTF8.GetBytes(signed), false, "edge-train/rollout/r1/reply", null));

        Assert.True(reply.Accepted, reply.Reason);
        Assert.Equal("edge-train/rollout/r1/reply", topic);
        Assert.True(_inbox.Commands.TryRead(out var queued));
        Assert.Equal("control-1", queued.Id);
        Assert.True(File.Exists(SeenPath));
    }

    public void Dispose()
    {
        _link.Dispose();
        _authority.Dispose();
        _key.Dispose();
        _stranger.Dispose();
        _folder.Dispose();
    }
}
