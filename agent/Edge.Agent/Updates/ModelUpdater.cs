using Edge.Agent.Health;
using Edge.Agent.Mqtt;
using Edge.Fleet;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MQTTnet.Protocol;

namespace Edge.Agent.Updates;

/// <summary>
/// Carries out accepted model commands one at a time and keeps the retained <c>.../model/state</c> up to date
/// (published again after every reconnection). This build reports the running model; it does not install or roll
/// back over the air yet, and says so in the state's reason instead of pretending.
/// </summary>
public sealed partial class ModelUpdater : BackgroundService
{
    public const string NotInThisBuild = "this agent build cannot install or roll back models over the air yet; the active model is unchanged";

    private readonly ModelCommandInbox _inbox;
    private readonly MqttLink _link;
    private readonly FleetTopics _topics;
    private readonly HealthMetrics _metrics;
    private readonly ILogger<ModelUpdater> _logger;
    private ModelState _state;

    public ModelUpdater(ModelCommandInbox inbox, MqttLink link, FleetTopics topics, HealthMetrics metrics, ILogger<ModelUpdater> logger)
    {
        _inbox = inbox;
        _link = link;
        _topics = topics;
        _metrics = metrics;
        _logger = logger;
        _state = new ModelState { Active = metrics.ModelVersion, State = ModelStates.Idle, TimeUtc = DateTimeOffset.UtcNow };
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var announce = AnnounceOnEveryConnectionAsync(stoppingToken);
        try
        {
            await foreach (var command in _inbox.Commands.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                _state = command.Action == ModelAction.Report
                    ? _state with { Active = _metrics.ModelVersion, CommandId = command.Id, TimeUtc = DateTimeOffset.UtcNow }
                    : new ModelState
                    {
                        Active = _metrics.ModelVersion, State = ModelStates.Failed, Reason = NotInThisBuild,
                        Target = command.Version, CommandId = command.Id, TimeUtc = DateTimeOffset.UtcNow,
                    };
                if (command.Action != ModelAction.Report)
                {
                    LogRefused(_logger, ModelCommandJson.Name(command.Action), command.Id);
                }
                await PublishAsync(stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
        await announce.ConfigureAwait(false);
    }

    private async Task AnnounceOnEveryConnectionAsync(CancellationToken stoppingToken)
    {
        var announced = 0;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await _link.WaitConnectedAsync(stoppingToken).ConfigureAwait(false);
                if (_link.Connections != announced && await PublishAsync(stoppingToken).ConfigureAwait(false))
                {
                    announced = _link.Connections;
                }
                await Task.Delay(TimeSpan.FromMilliseconds(200), stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private Task<bool> PublishAsync(CancellationToken cancellationToken)
    {
        var state = _state with { Active = _metrics.ModelVersion };
        return _link.PublishAsync(_topics.ModelState, state.ToJson(), MqttQualityOfServiceLevel.AtLeastOnce, retain: true, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Model command {Action} {Id} not carried out: over-the-air installs are not in this build")]
    private static partial void LogRefused(ILogger logger, string action, string id);
}
