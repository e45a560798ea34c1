using System.Buffers;
using System.Text;
using Edge.Fleet;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace Edge.Trainer.Tests.Fleet;

/// <summary>
/// A device simulated in the test (no agent process, no model): it speaks the fleet protocol of PROTOCOL.md against a
/// real broker. It publishes a retained <c>online</c> status and a retained model state, answers each command on its
/// MQTT 5 response topic with its correlation data, and then publishes the retained states of
/// <see cref="SimulatedDeviceBehaviour"/>. It records every command it receives.
/// </summary>
public sealed class SimulatedDevice : IAsyncDisposable
{
    public const string FailureReason = "the downloaded archive's sha256 does not match the command";

    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(40);

    private readonly IMqttClient _client;
    private readonly SimulatedDeviceBehaviour _behaviour;
    private readonly List<ReceivedCommand> _commands = [];
    private readonly List<Task> _work = [];
    private readonly Lock _gate = new();
    private string _active;

    private SimulatedDevice(string site, string device, string active, SimulatedDeviceBehaviour behaviour)
    {
        Topics = new FleetTopics(site, device);
        _active = active;
        _behaviour = behaviour;
        _client = new MqttClientFactory().CreateMqttClient();
        _client.ApplicationMessageReceivedAsync += e =>
        {
            // Publishing from inside MQTTnet's receive handler could wait on itself: answer on another task.
            var message = e.ApplicationMessage;
            lock (_gate)
            {
                _work.Add(Task.Run(() => AnswerAsync(message)));
            }
            return Task.CompletedTask;
        };
    }

    public FleetTopics Topics { get; }

    public string Name => $"{Topics.Site}/{Topics.Device}";

    public IReadOnlyList<ReceivedCommand> Commands
    {
        get
        {
            lock (_gate)
            {
                return _commands.ToList();
            }
        }
    }

    /// <summary>When it published its final state, if it did.</summary>
    public DateTimeOffset? FinishedUtc { get; private set; }

    /// <summary>Connects, publishes its retained status and model state, and subscribes to its commands.</summary>
    /// <param name="initialState">The retained model state it starts with; idle on <paramref name="active"/> when null.</param>
    public static async Task<SimulatedDevice> StartAsync(int port, string site, string device, SimulatedDeviceBehaviour behaviour,
        string active = "1.0.0", ModelState? initialState = null)
    {
        var simulated = new SimulatedDevice(site, device, active, behaviour);
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", port)
            .WithClientId($"simulated-{site}-{device}-{Guid.NewGuid():N}")
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .Build();
        await simulated._client.ConnectAsync(options);
        await simulated._client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter(simulated.Topics.ModelCommand, MqttQualityOfServiceLevel.AtLeastOnce).Build());
        await simulated.PublishStateAsync(initialState ?? new ModelState { Active = active, State = ModelStates.Idle, TimeUtc = DateTimeOffset.UtcNow });
        await simulated.PublishAsync(simulated.Topics.Status, "online"u8.ToArray(), retain: true);
        return simulated;
    }

    public async ValueTask DisposeAsync()
    {
        Task[] work;
        lock (_gate)
        {
            work = [.. _work];
        }
        await Task.WhenAll(work);
        if (_client.IsConnected)
        {
            await _client.DisconnectAsync();
        }
        _client.Dispose();
    }

    private async Task AnswerAsync(MqttApplicationMessage message)
    {
        var command = ModelCommandJson.Parse(message.Payload.ToArray());
        lock (_gate)
        {
            _commands.Add(new ReceivedCommand(command, message.Retain, message.QualityOfServiceLevel, message.ResponseTopic, message.CorrelationData, DateTimeOffset.UtcNow));
        }
        if (message.ResponseTopic is { Length: > 0 } responseTopic)
        {
            await _client.PublishAsync(new MqttApplicationMessageBuilder()
                .WithTopic(responseTopic)
                .WithPayload(new ModelReply(command.Id, true, null).ToJson())
                .WithCorrelationData(message.CorrelationData ?? [])
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                .Build());
        }
        var previous = _active;
        ModelState State(string state, string? active = null, string? reason = null) => new()
        {
            Active = active ?? previous, State = state, Reason = reason, Target = command.Version, CommandId = command.Id,
            Previous = previous, TimeUtc = DateTimeOffset.UtcNow,
        };
        await PublishStateAsync(State(ModelStates.Downloading));
        switch (_behaviour)
        {
            case SimulatedDeviceBehaviour.Succeeds:
                foreach (var state in new[] { ModelStates.Verifying, ModelStates.Validating, ModelStates.Switching, ModelStates.Probation })
                {
                    await Task.Delay(Step);
                    await PublishStateAsync(State(state));
                }
                await Task.Delay(Step);
                _active = command.Version!;
                FinishedUtc = DateTimeOffset.UtcNow;
                await PublishStateAsync(State(ModelStates.Active, active: command.Version));
                break;
            case SimulatedDeviceBehaviour.Fails:
                await Task.Delay(Step);
                FinishedUtc = DateTimeOffset.UtcNow;
                await PublishStateAsync(State(ModelStates.Failed, reason: FailureReason));
                break;
            case SimulatedDeviceBehaviour.Hangs:
                break;
        }
    }

    private Task PublishStateAsync(ModelState state) => PublishAsync(Topics.ModelState, state.ToJson(), retain: true);

    private async Task PublishAsync(string topic, byte[] payload, bool retain)
    {
        await _client.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(payload)
            .WithRetainFlag(retain)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build());
    }
}
