using Edge.Agent.Alarms;
using Edge.Agent.Configuration;
using Edge.Agent.Mqtt;
using Edge.Agent.Outbox;
using Edge.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Edge.Agent.Tests.Support;

/// <summary>The agent's delivery path in this process: MQTT link, outbox file, dispatcher, alarm publisher.</summary>
public sealed class InProcessAgent : IAsyncDisposable
{
    private InProcessAgent(string outboxPath, int brokerPort, AlarmConfig rules, int maxMessages)
    {
        Topics = new MqttTopics("plant1", "box1");
        Outbox = new SqliteOutbox(outboxPath, maxMessages);
        var mqtt = new MqttConfig { Host = "127.0.0.1", Port = brokerPort, ClientId = "edge-test-agent", ReconnectMinSeconds = 0.1, ReconnectMaxSeconds = 0.5 };
        Link = new MqttLink(mqtt, Topics, NullLogger<MqttLink>.Instance);
        Dispatcher = new OutboxDispatcher(Outbox, Link, NullLogger<OutboxDispatcher>.Instance);
        Alarms = new AlarmPublisher(Outbox, Topics, rules);
    }

    public MqttTopics Topics { get; }

    public SqliteOutbox Outbox { get; }

    public MqttLink Link { get; }

    public OutboxDispatcher Dispatcher { get; }

    public AlarmPublisher Alarms { get; }

    public static async Task<InProcessAgent> StartAsync(TempFolder folder, int brokerPort, AlarmConfig rules, int maxMessages = 1000)
    {
        var agent = new InProcessAgent(folder.File("outbox.db"), brokerPort, rules, maxMessages);
        await agent.Link.StartAsync(CancellationToken.None);
        await agent.Dispatcher.StartAsync(CancellationToken.None);
        return agent;
    }

    /// <summary>Waits until every message was acknowledged and removed (a subscriber may see the last one a moment before).</summary>
    public async Task WaitForEmptyOutboxAsync(TimeSpan timeout)
    {
        using var limit = new CancellationTokenSource(timeout);
        while (Outbox.Count > 0)
        {
            await Task.Delay(10, limit.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        // The host's order: dispatcher (flush) before the link (offline, disconnect).
        await Dispatcher.StopAsync(CancellationToken.None);
        await Link.StopAsync(CancellationToken.None);
        Dispatcher.Dispose();
        Link.Dispose();
        Outbox.Dispose();
    }
}
