using System.Threading.Channels;
using Edge.Agent.Mqtt;
using Edge.Fleet;
using Microsoft.Extensions.Logging;

namespace Edge.Agent.Updates;

/// <summary>
/// Receives model commands on <c>.../cmd/model</c>, refuses the malformed, retained and replayed ones with their
/// reason (nothing else changes), and queues the accepted ones for <see cref="ModelUpdater"/>, one at a time.
/// Every command gets a reply: on its MQTT 5 response topic with its correlation data, else on <c>.../cmd/model/reply</c>.
/// </summary>
public sealed partial class ModelCommandInbox
{
    private readonly MqttLink _link;
    private readonly FleetTopics _topics;
    private readonly ReplayGuard _replays;
    private readonly ILogger<ModelCommandInbox> _logger;
    private readonly Channel<ModelCommand> _queue = Channel.CreateBounded<ModelCommand>(new BoundedChannelOptions(4) { FullMode = BoundedChannelFullMode.Wait });
    private readonly Lock _gate = new();

    public ModelCommandInbox(MqttLink link, FleetTopics topics, ReplayGuard replays, ILogger<ModelCommandInbox> logger)
    {
        _link = link;
        _topics = topics;
        _replays = replays;
        _logger = logger;
        link.Subscribe(topics.ModelCommand, OnCommandAsync, ModelCommandJson.MaxBytes);
    }

    /// <summary>Accepted commands, in the order they arrived.</summary>
    public ChannelReader<ModelCommand> Commands => _queue.Reader;

    private async Task OnCommandAsync(MqttInboundMessage message)
    {
        var (command, refusal) = Admit(message);
        if (command is not null && !_queue.Writer.TryWrite(command))
        {
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
        var reply = new ModelReply(id, refusal is null, refusal).ToJson();
        if (message.ResponseTopic is { Length: > 0 } responseTopic)
        {
            await _link.PublishReplyAsync(responseTopic, reply, message.CorrelationData, CancellationToken.None).ConfigureAwait(false);
        }
        else
        {
            await _link.PublishAsync(_topics.ModelCommandReply, reply, MQTTnet.Protocol.MqttQualityOfServiceLevel.AtLeastOnce, retain: false, CancellationToken.None)
                .ConfigureAwait(false);
        }
    }

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
        lock (_gate)
        {
            return (command, _replays.Admit(command.Id, command.IssuedUtc));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Model command {Action} {Id} accepted {Version}")]
    private static partial void LogAccepted(ILogger logger, string action, string id, string version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Model command {Id} refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, string id, string reason);
}
