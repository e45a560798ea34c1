using System.Text.Json;
using Edge.Agent.Alarms;
using Edge.Agent.Configuration;
using Edge.Agent.Tests.Support;
using Edge.Testing;

namespace Edge.Agent.Tests.Outbox;

/// <summary>Alarms through the outbox to a real Mosquitto, received by mosquitto_sub.</summary>
public sealed class AlarmDeliveryTests : BrokerTest
{
    private static readonly AlarmConfig OneFrameDecides = new()
    {
        DebounceK = 1,
        DebounceN = 1,
        Hold = TimeSpan.Zero,
        Cooldown = TimeSpan.Zero,
        Hysteresis = 0.1,
        UpdateMinRise = 0.05,
    };

    private DateTime _time = new(2025, 3, 1, 8, 0, 0, DateTimeKind.Utc);

    private AlarmEvent? Score(InProcessAgent agent, double score, string camera = "line1")
    {
        _time = _time.AddMilliseconds(100);
        return agent.Alarms.Publish(new ScoredFrame(camera, _time, score, 0.5, new AlarmBox(4, 8, 16, 32), "/snap/x.jpg", "v7"));
    }

    /// <summary>One alarm per call: a frame over threshold (start) and one under (end).</summary>
    private List<AlarmEvent> RaiseAndClear(InProcessAgent agent, int alarms)
    {
        var sent = new List<AlarmEvent>();
        for (var i = 0; i < alarms; i++)
        {
            sent.Add(Score(agent, 0.9)!);
            sent.Add(Score(agent, 0.1)!);
        }
        return sent;
    }

    private static List<string> Received(IEnumerable<MosquittoMessage> messages) => AlarmMessages.IdsAndEvents(messages);

    private static List<string> Keys(IEnumerable<AlarmEvent> alarms) =>
        alarms.Select(a => $"{a.Id:D} {AlarmJson.EventName(a.Kind)}").ToList();

    [Fact]
    public async Task An_alarm_lifecycle_arrives_at_mosquitto_sub_as_json_on_the_camera_topic()
    {
        using var subscriber = Broker.Subscribe("edge/plant1/box1/alarms/#");
        await using var agent = await InProcessAgent.StartAsync(Folder, Broker.Port, OneFrameDecides);

        var sent = new[] { Score(agent, 0.8), Score(agent, 0.95), Score(agent, 0.2) };
        var received = subscriber.WaitUntil(m => m.Count >= 3, Patience);

        Assert.Equal([AlarmEventKind.Start, AlarmEventKind.Update, AlarmEventKind.End], sent.Select(a => a!.Kind));
        Assert.All(received, m => Assert.Equal("edge/plant1/box1/alarms/line1", m.Topic));
        var json = received.Select(m => JsonDocument.Parse(m.Payload).RootElement).ToList();
        Assert.Equal(["start", "update", "end"], json.Select(j => j.GetProperty("event").GetString()));
        Assert.Single(json.Select(j => j.GetProperty("id").GetString()).Distinct());
        Assert.Equal(sent[0]!.Id.ToString("D"), json[0].GetProperty("id").GetString());
        Assert.Equal([0.8, 0.95, 0.2], json.Select(j => j.GetProperty("score").GetDouble()));
        Assert.All(json, j =>
        {
            Assert.Equal("plant1", j.GetProperty("site").GetString());
            Assert.Equal("box1", j.GetProperty("device").GetString());
            Assert.Equal("line1", j.GetProperty("camera").GetString());
            Assert.Equal(0.5, j.GetProperty("threshold").GetDouble());
            Assert.Equal("v7", j.GetProperty("modelVersion").GetString());
            Assert.Equal([4, 8, 16, 32], j.GetProperty("box").EnumerateArray().Select(e => e.GetInt32()));
            Assert.Equal("/snap/x.jpg", j.GetProperty("snapshot").GetString());
        });
        Assert.Equal(AlarmJson.Iso8601(sent[2]!.TimeUtc), json[2].GetProperty("time").GetString());
        await agent.WaitForEmptyOutboxAsync(Patience);
    }

    [Fact]
    public async Task Alarms_raised_while_the_broker_is_down_all_arrive_in_order_after_it_restarts()
    {
        using var subscriber = Broker.Subscribe("edge/plant1/box1/alarms/#");
        await using var agent = await InProcessAgent.StartAsync(Folder, Broker.Port, OneFrameDecides);
        await agent.Link.WaitConnectedAsync(CancellationToken.None).WaitAsync(Patience);

        var before = RaiseAndClear(agent, 5);
        subscriber.WaitUntil(m => m.Count >= before.Count, Patience);
        Broker.Stop();
        var during = RaiseAndClear(agent, 10);
        await Task.Delay(300);
        var waiting = agent.Outbox.Count;
        Broker.StartAgain();
        var after = RaiseAndClear(agent, 3);
        var all = before.Concat(during).Concat(after).ToList();

        subscriber.WaitUntil(m => Received(m).Count >= all.Count, Patience);

        Assert.True(waiting >= 20, $"only {waiting} message(s) waited in the outbox during the outage");
        Assert.Equal(Keys(all), Received(subscriber.Messages));
        Assert.True(agent.Link.Connections >= 2);
        await agent.WaitForEmptyOutboxAsync(Patience);
    }

    [Fact]
    public async Task A_clean_stop_flushes_the_outbox_before_the_offline_status()
    {
        using var subscriber = Broker.Subscribe("edge/plant1/box1/#");
        List<AlarmEvent> sent;
        await using (var agent = await InProcessAgent.StartAsync(Folder, Broker.Port, OneFrameDecides))
        {
            await agent.Link.WaitConnectedAsync(CancellationToken.None).WaitAsync(Patience);
            sent = RaiseAndClear(agent, 50);
        }

        var received = subscriber.WaitUntil(m => m.Any(x => x.Payload == "offline"), Patience);

        Assert.Equal("online", received[0].Payload);
        Assert.Equal("offline", received[^1].Payload);
        Assert.Equal(Keys(sent), Received(received.Where(m => m.Topic.Contains("/alarms/", StringComparison.Ordinal))));
        using var reopened = new Edge.Agent.Outbox.SqliteOutbox(Folder.File("outbox.db"), 10);
        Assert.Equal(0, reopened.Count);
    }
}
