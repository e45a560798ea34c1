using System.Threading.Channels;
using Edge.Agent.Mqtt;
using Edge.Fleet;
using Microsoft.Extensions.Logging;

namespace Edge.Agent.Updates;

/// <summary>
/// Receives model commands on <c>.../cmd/model</c>, refuses the malformed, retained, unsigned (or not signed for this
/// device by one of its command keys, or expired) and replayed ones with their reason (nothing else changes: a refused
/// command is never queued), and queues the accepted ones for <see cref="ModelUpdater"/>, one at a time.
/// Every command gets a reply: on its MQTT 5 response topic with its correlation data when that topic is a fleet
/// tool's reply topic (<see cref="FleetTopics.IsReplyTopic"/>), else on <c>.../cmd/model/reply</c>; never anywhere else.
/// </summary>
public sealed partial class ModelCommandInbox
{
    private readonly MqttLink _link;
    private readonly FleetTopics _topics;
    private readonly ReplayGuard _replays;
    private readonly CommandAuthority _authority;
    private readonly ILogger<ModelCommandInbox> _logger;
    private readonly Channel<ModelCommand> _queue = Channel.CreateBounded<ModelCommand>(new BoundedChannelOptions(4) { FullMode = BoundedChannelFullMode.Wait });
    private readonly Lock _gate = new();

    public ModelCommandInbox(MqttLink link, FleetTopics topics, ReplayGuard replays, CommandAuthority authority, ILogger<ModelCommandInbox> logger)
    {
        _link = link;
        _topics = topics;
        _replays = replays;
        _authority = authority;
        _logger = logger;
        link.Subscribe(topics.ModelCommand, OnCommandAsync, ModelCommandJson.MaxBytes);
    }

    /// <summary>Accepted commands, in the order they arrived.</summary>
    public ChannelReader<ModelCommand> Commands => _queue.Reader;

    /// <summary>Admits or refuses one received command (queueing it when admitted) and says where its reply goes.</summary>
    internal (string Topic, ModelReply Reply) Handle(MqttInboundMessage message)
    {
        var (command, refusal) = Admit(message);
        if (refusal is null && !_queue.Writer.TryWrite(command!))
        {
            lock (_gate)
            {
                // Not taken after all: the same signed command may be sent again once the device has room.
                _replays.Withdraw(command!.Id);
            }
            refusal = "the device is busy with other model commands; try again later";
        }
        var id = command?.Id ?? "";
        if (refusal is null)
        {
            LogAccepted(_logger, ModelCommandJson.Name(command!.Action), id, command.Version ?? "");
        }
        else
        {
            LogRefused(_logger, id, refusal);
        }
        var topic = _topics.ModelCommandReply;
        if (FleetTopics.IsReplyTopic(message.ResponseTopic))
        {
            topic = message.ResponseTopic!;
        }
        else if (message.ResponseTopic is { Length: > 0 } ignored)
        {
            // Whoever can publish a command must not make the device publish into another topic (its own alarms above all).
            LogResponseTopicIgnored(_logger, ignored.Length > 256 ? ignored[..256] + "..." : ignored, topic);
        }
        return (topic, new ModelReply(id, refusal is null, refusal));
    }

    private async Task OnCommandAsync(MqttInboundMessage message)
    {
        var (topic, reply) = Handle(message);
        await _link.PublishReplyAsync(topic, reply.ToJson(), message.CorrelationData, CancellationToken.None).ConfigureAwait(false);
    }

    /// <returns>The command when it may run (its id is then spent); otherwise the command if it could be read, and why it is refused.</returns>
    private (ModelCommand? Command, string? Refusal) Admit(MqttInboundMessage message)
    {
        if (message.OversizedBytes > 0)
        {
            return (null, ModelCommandJson.TooLarge(message.OversizedBytes));
        }
        if (message.Retained)
        {
            // A retained command would run again on every reconnection: commands are never retained.
            return (null, "retained commands are refused: publish model commands without the retain flag");
        }
        ModelCommand command;
        try
        {
            command = ModelCommandJson.Parse(message.Payload);
        }
        catch (ModelCommandException e)
        {
            return (null, e.Message);
        }
        // The signature before the replay guard: a command nobody vouches for spends no id and writes nothing.
        if (_authority.Refusal(command) is { } unauthorized)
        {
            return (command, unauthorized);
        }
        lock (_gate)
        {
            return (command, _replays.Admit(command.Id, command.IssuedUtc));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Model command {Action} {Id} accepted {Version}")]
    private static partial void LogAccepted(ILogger logger, string action, string id, string version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Model command {Id} refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, string id, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Model command response topic '{Topic}' ignored (not edge-train/<tool>/<run>/reply); replying on {ReplyTopic}")]
    private static partial void LogResponseTopicIgnored(ILogger logger, string topic, string replyTopic);
}
