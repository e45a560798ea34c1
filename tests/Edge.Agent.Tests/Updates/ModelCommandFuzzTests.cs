using System.Collections.Concurrent;
using CsCheck;
using Edge.Agent.Tests.Support;
using Edge.Fleet;

namespace Edge.Agent.Tests.Updates;

/// <summary>
/// The agent's command handling (<see cref="Agent.Updates.ModelCommandInbox"/>: parsing, signature, replay guard, queue,
/// reply topic) in-process, fed 12,000 generated malformed, unsigned and wrongly signed commands
/// (<see cref="MalformedCommands"/>): none may throw, each is refused with a reason, none is queued to be carried out,
/// none spends an id, and no reply goes anywhere but the device's reply topic or a fleet tool's (the process test
/// sends a smaller run through a real broker to a real agent).
/// </summary>
public sealed class ModelCommandFuzzTests : IDisposable
{
    private readonly InboxUnderTest _device = new();

    [Fact]
    public void Twelve_thousand_malformed_unsigned_and_wrongly_signed_commands_are_each_refused_with_a_reason_and_none_is_carried_out()
    {
        var kinds = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);

        new MalformedCommands(_device.Key, _device.Stranger).Cases().Sample(sample =>
        {
            var (topic, reply) = _device.Handle(sample.Payload, sample.Retained, sample.ResponseTopic);

            Assert.False(reply.Accepted, "accepted");
            Assert.False(string.IsNullOrWhiteSpace(reply.Reason), "no reason");
            Assert.False(_device.Inbox.Commands.TryRead(out var queued), $"queued to be carried out: {queued?.Id}");
            Assert.True(topic == InboxUnderTest.Topics.ModelCommandReply || (FleetTopics.IsReplyTopic(topic) && topic == sample.ResponseTopic), $"replied on {topic}");
            kinds.AddOrUpdate(sample.Kind, 1, (_, n) => n + 1);
        }, iter: 12_000);

        // Nothing was admitted, so no id was spent and the replay guard wrote nothing.
        Assert.False(File.Exists(_device.SeenPath));
        Assert.Equal(13, kinds.Count);
        Assert.All(kinds, k => Assert.True(k.Value >= 100, $"only {k.Value} of kind {k.Key}"));
        Assert.Equal(12_000, kinds.Values.Sum());
    }

    [Fact]
    public void The_fuzzed_handler_accepts_and_queues_the_signed_command_the_cases_are_made_from()
    {
        var (topic, reply) = _device.Handle(SignedCommands.Report("control-1", _device.Key), "edge-train/rollout/r1/reply");

        Assert.True(reply.Accepted, reply.Reason);
        Assert.Equal("edge-train/rollout/r1/reply", topic);
        Assert.True(_device.Inbox.Commands.TryRead(out var queued));
        Assert.Equal("control-1", queued.Id);
        Assert.True(File.Exists(_device.SeenPath));
    }

    public void Dispose() => _device.Dispose();
}
