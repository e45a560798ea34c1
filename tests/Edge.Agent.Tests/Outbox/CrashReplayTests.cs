using Edge.Agent.Tests.Support;
using Edge.Testing;

namespace Edge.Agent.Tests.Outbox;

/// <summary>
/// The agent process (its test-alarms command: synthetic alarms through the real outbox and dispatcher)
/// killed with SIGKILL and started again: every alarm written to the outbox arrives, in order.
/// </summary>
public sealed class CrashReplayTests : BrokerTest
{
    private static List<string> Received(IEnumerable<MosquittoMessage> messages) => AlarmMessages.IdsAndEvents(messages);

    private void Flush(string config)
    {
        using var restarted = AgentProcess.Start(["test-alarms", "--config", config, "--count", "0"]);
        Assert.True(restarted.WaitForExit(Patience) == 0, string.Join("\n", restarted.Errors));
    }

    [Fact]
    public void Alarms_stored_while_the_broker_was_down_are_replayed_in_order_after_a_kill_9()
    {
        var config = AgentConfigFile.Write(Folder, Broker.Port);
        Broker.Stop();
        List<string> stored;
        using (var agent = AgentProcess.Start(["test-alarms", "--config", config, "--count", "15", "--camera", "press"]))
        {
            stored = agent.WaitForOutput(lines => lines.Count >= 30, Patience).ToList();
            agent.KillHard();
        }
        Broker.StartAgain();
        using var subscriber = Broker.Subscribe("edge/plant1/box1/alarms/press");

        Flush(config);

        var received = subscriber.WaitUntil(m => Received(m).Count >= stored.Count, Patience);
        Assert.Equal(stored, Received(received));
        Assert.Equal(30, stored.Count);
    }

    [Fact]
    public void A_kill_9_in_the_middle_of_publishing_loses_nothing_and_keeps_the_order()
    {
        var config = AgentConfigFile.Write(Folder, Broker.Port);
        using var subscriber = Broker.Subscribe("edge/plant1/box1/alarms/line2");
        List<string> stored;
        using (var agent = AgentProcess.Start(["test-alarms", "--config", config, "--count", "2000", "--camera", "line2"]))
        {
            // Kill once some are delivered and more wait in the outbox (writing is faster than publishing one by one).
            subscriber.WaitUntil(m => m.Count >= 20 && agent.Output.Count - Received(m).Count >= 10, Patience);
            agent.KillHard();
            stored = agent.Output.ToList();
        }
        var deliveredBeforeRestart = Received(subscriber.Messages).Count;

        Flush(config);

        // Lines printed are on disk; a message written but not yet printed when the kill came may arrive too, in its place.
        var received = subscriber.WaitUntil(m => Received(m).Take(stored.Count).SequenceEqual(stored), Patience);
        Assert.InRange(deliveredBeforeRestart, 20, stored.Count + 1);
        Assert.True(stored.Count < 4000, "the kill came after the last alarm: nothing was in flight");
        Assert.True(stored.Count > deliveredBeforeRestart, "nothing was left in the outbox at the kill");
        var all = Received(received);
        Assert.InRange(all.Count, stored.Count, stored.Count + 1);
    }
}
