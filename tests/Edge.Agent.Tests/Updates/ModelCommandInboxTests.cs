using Edge.Agent.Tests.Support;

namespace Edge.Agent.Tests.Updates;

/// <summary>
/// What the inbox queues (only admitted commands; an admitted one it had no room for may come again) and where it
/// replies.
/// </summary>
public sealed class ModelCommandInboxTests : IDisposable
{
    private readonly InboxUnderTest _device = new();

    [Fact]
    public void A_replayed_and_an_outdated_signed_command_are_refused_and_not_queued()
    {
        var command = SignedCommands.Rollback("b1", _device.Key);

        var first = _device.Handle(command).Reply;
        var replayed = _device.Handle(command).Reply;
        var outdated = _device.Handle(SignedCommands.Rollback("b-old", _device.Key, issuedUtc: new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero), lifetime: TimeSpan.FromDays(7300))).Reply;

        Assert.Equal([true, false, false], new[] { first, replayed, outdated }.Select(r => r.Accepted));
        Assert.True(_device.Inbox.Commands.TryRead(out var queued));
        Assert.Equal("b1", queued.Id);
        Assert.False(_device.Inbox.Commands.TryRead(out var more), $"also queued: {more?.Id}");
    }

    [Fact]
    public void A_command_refused_because_the_queue_is_full_is_not_spent_and_is_accepted_when_sent_again()
    {
        var accepted = Enumerable.Range(1, 4).Select(i => _device.Handle(SignedCommands.Report($"r{i}", _device.Key)).Reply.Accepted).ToList();
        var fifth = SignedCommands.Report("r5", _device.Key);

        var busy = _device.Handle(fifth).Reply;
        Assert.True(_device.Inbox.Commands.TryRead(out _));
        var again = _device.Handle(fifth).Reply;

        Assert.Equal([true, true, true, true], accepted);
        Assert.Equal((false, "the device is busy with other model commands; try again later"), (busy.Accepted, busy.Reason));
        Assert.True(again.Accepted, again.Reason);
    }

    [Fact]
    public void An_unsigned_and_a_strangely_signed_rollback_are_refused_with_their_reason_and_not_queued()
    {
        var unsigned = _device.Handle("""{"id":"u1","action":"rollback","issuedUtc":"2026-12-07T00:00:00Z"}""").Reply;
        var stranger = _device.Handle(SignedCommands.Rollback("s1", _device.Stranger)).Reply;

        Assert.StartsWith("the command is not signed", unsigned.Reason, StringComparison.Ordinal);
        Assert.EndsWith("which this device does not trust for commands", stranger.Reason, StringComparison.Ordinal);
        Assert.False(_device.Inbox.Commands.TryRead(out var queued), $"queued: {queued?.Id}");
    }

    [Theory]
    [InlineData("edge/plant1/box1/alarms/line1", "edge/plant1/box1/cmd/model/reply")]
    [InlineData("edge/plant1/box2/cmd/model/reply", "edge/plant1/box1/cmd/model/reply")]
    [InlineData("edge-train/rollout/r1/reply/x", "edge/plant1/box1/cmd/model/reply")]
    [InlineData("edge-train/rollout/+/reply", "edge/plant1/box1/cmd/model/reply")]
    [InlineData("edge-train/rollout/r1/reply", "edge-train/rollout/r1/reply")]
    [InlineData(null, "edge/plant1/box1/cmd/model/reply")]
    public void A_reply_goes_to_a_fleet_tool_s_reply_topic_or_the_device_s_own_never_elsewhere(string? responseTopic, string replyTopic)
    {
        var (topic, reply) = _device.Handle(SignedCommands.Report("t1", _device.Key), responseTopic);

        Assert.True(reply.Accepted, reply.Reason);
        Assert.Equal(replyTopic, topic);
    }

    public void Dispose() => _device.Dispose();
}
