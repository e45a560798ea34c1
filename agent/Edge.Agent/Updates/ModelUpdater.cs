using Edge.Agent.Configuration;
using Edge.Agent.Health;
using Edge.Agent.Mqtt;
using Edge.Agent.Pipeline;
using Edge.Agent.Updates.Download;
using Edge.Agent.Updates.Install;
using Edge.Agent.Updates.Startup;
using Edge.Agent.Updates.Store;
using Edge.Bundles.Manifest;
using Edge.Bundles.Versioning;
using Edge.Fleet;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MQTTnet.Protocol;

namespace Edge.Agent.Updates;

/// <summary>
/// Carries out accepted model commands one at a time (install, roll back, report), watches a new model's probation
/// (rolling back when the pipeline fails on it), and keeps the retained <c>.../model/state</c> up to date, published
/// again after every reconnection. A probation interrupted by a restart is continued here.
/// </summary>
public sealed partial class ModelUpdater : BackgroundService
{
    private readonly ModelCommandInbox _inbox;
    private readonly MqttLink _link;
    private readonly FleetTopics _topics;
    private readonly HealthMetrics _metrics;
    private readonly AgentConfig _config;
    private readonly UpdateStartup _startup;
    private readonly IModelHost? _host;
    private readonly VersionFloor _floor;
    private readonly ILogger<ModelUpdater> _logger;
    private readonly Lock _gate = new();
    private ModelState _state;
    private string _activeFolder;
    private string? _activeVersion;

    public ModelUpdater(
        ModelCommandInbox inbox, MqttLink link, FleetTopics topics, HealthMetrics metrics, AgentConfig config, UpdateStartup startup,
        IFramePipeline pipeline, VersionFloor floor, ILogger<ModelUpdater> logger)
    {
        _inbox = inbox;
        _link = link;
        _topics = topics;
        _metrics = metrics;
        _config = config;
        _startup = startup;
        _host = pipeline as IModelHost;
        _floor = floor;
        _logger = logger;
        _activeFolder = startup.ActiveFolder;
        _activeVersion = _host?.Current.Version ?? VersionOf(_activeFolder);
        _state = startup.Report is { } report
            ? report with { Active = _activeVersion }
            : new ModelState { Active = _activeVersion, State = ModelStates.Idle, TimeUtc = DateTimeOffset.UtcNow };
        _metrics.ModelUpdate = _state;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var announce = AnnounceOnEveryConnectionAsync(stoppingToken);
        using var http = ArchiveDownloader.CreateHttpClient();
        var installer = new ModelInstaller(_config, _startup.Store, _host, http, _link, _floor, _logger);
        try
        {
            if (_startup.Probation is { } continued)
            {
                using var watch = new FaultWatch(_host, continued.ToVersion);
                await SetStateAsync(ModelStates.Probation, $"continuing probation after a restart ({continued.Starts} since the switch)", continued, stoppingToken).ConfigureAwait(false);
                await ProbationAsync(continued, watch.Fault, stoppingToken).ConfigureAwait(false);
            }
            await foreach (var command in _inbox.Commands.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                await CarryOutAsync(command, installer, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping; an install in flight left only staging files (cleaned at the next start) or a journalled switch.
        }
        await announce.ConfigureAwait(false);
    }

    private async Task CarryOutAsync(ModelCommand command, ModelInstaller installer, CancellationToken stoppingToken)
    {
        var target = command.Action == ModelAction.Install ? command.Version : null;
        Task Report(string state, string? reason) => PublishStateAsync(new ModelState
        {
            Active = _activeVersion, State = state, Reason = reason, Target = target, CommandId = command.Id,
            Previous = _state.Previous, TimeUtc = DateTimeOffset.UtcNow,
        }, stoppingToken);
        try
        {
            switch (command.Action)
            {
                case ModelAction.Report:
                    RaiseFloorOnReport(command);
                    await PublishStateAsync(_state with { Active = _activeVersion, CommandId = command.Id, TimeUtc = DateTimeOffset.UtcNow }, stoppingToken).ConfigureAwait(false);
                    return;
                case ModelAction.Install:
                    // Watching from before the switch: the new model's very first frame counts.
                    using (var watch = new FaultWatch(_host, SemanticVersion.Parse(command.Version!).ToString()))
                    {
                        await InstallAsync(command, installer, watch, Report, stoppingToken).ConfigureAwait(false);
                    }
                    return;
                case ModelAction.Rollback:
                    await RollBackOnCommandAsync(command, Report, stoppingToken).ConfigureAwait(false);
                    return;
            }
        }
        catch (UpdateException e)
        {
            LogFailed(_logger, ModelCommandJson.Name(command.Action), command.Id, e.Message);
            await Report(ModelStates.Failed, e.Message).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // An unexpected failure of one update must not end the agent; the state says what it was.
        catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
        {
            LogFailed(_logger, ModelCommandJson.Name(command.Action), command.Id, e.Message);
            await Report(ModelStates.Failed, $"unexpected error: {e.Message}").ConfigureAwait(false);
        }
    }

    private async Task InstallAsync(ModelCommand command, ModelInstaller installer, FaultWatch watch, Func<string, string?, Task> report, CancellationToken stoppingToken)
    {
        var record = await installer.InstallAsync(command, _activeFolder, _activeVersion, report, stoppingToken).ConfigureAwait(false);
        _activeFolder = record.ToFolder;
        _activeVersion = record.ToVersion;
        LogSwitched(_logger, record.ToVersion, record.FromVersion ?? "none", _config.Updates.ProbationSeconds);
        await SetStateAsync(ModelStates.Probation, null, record, stoppingToken).ConfigureAwait(false);
        await ProbationAsync(record, watch.Fault, stoppingToken).ConfigureAwait(false);
    }

    /// <summary>Waits out the probation; a pipeline fault on the new model before it ends rolls back to the previous one.</summary>
    private async Task ProbationAsync(SwitchRecord record, Task<string> fault, CancellationToken stoppingToken)
    {
        var before = _metrics.Snapshot("probation");
        var remaining = record.ProbationUntilUtc - DateTimeOffset.UtcNow;
        var ended = await Task.WhenAny(fault, Task.Delay(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero, stoppingToken)).ConfigureAwait(false);
        stoppingToken.ThrowIfCancellationRequested();
        var unhealthy = ended == fault
            ? $"model {record.ToVersion} failed during probation: {await fault.ConfigureAwait(false)}"
            : ProbationHealth.Problem(before, _metrics.Snapshot("probation"), _host is not null, _config.Updates.LatencyBudgetMs, record.ToVersion);
        if (unhealthy is not null)
        {
            await RollBackAsync(record, unhealthy, stoppingToken).ConfigureAwait(false);
            return;
        }
        _startup.Store.Journal.Delete();
        _startup.ProbationEnded();
        var removed = _startup.Store.CollectGarbage(_config.Updates.KeepVersions);
        LogActive(_logger, record.ToVersion, removed.Count);
        await SetStateAsync(ModelStates.Active, null, record, stoppingToken).ConfigureAwait(false);
    }

    private async Task RollBackAsync(SwitchRecord record, string reason, CancellationToken stoppingToken)
    {
        LogRollingBack(_logger, record.ToVersion, reason);
        SwitchBackTo(record.FromFolder, record.FromVersion);
        _startup.Store.Restore(record.FromFolder, _config.Model.Bundle);
        _startup.ProbationEnded();
        await PublishStateAsync(new ModelState
        {
            Active = _activeVersion, State = ModelStates.RolledBack, Reason = $"{reason}; rolled back to {_activeVersion ?? "the previous model"}",
            Target = record.ToVersion, CommandId = record.CommandId, Previous = record.ToVersion, TimeUtc = DateTimeOffset.UtcNow,
        }, stoppingToken).ConfigureAwait(false);
    }

    private async Task RollBackOnCommandAsync(ModelCommand command, Func<string, string?, Task> report, CancellationToken stoppingToken)
    {
        var previous = _startup.Store.Previous;
        if (previous is null || ModelStore.SameFolder(previous, _activeFolder))
        {
            throw new UpdateException("there is no previous model to roll back to");
        }
        var target = VersionOf(previous);
        if (_floor.Refusal(target is null ? null : SemanticVersion.Parse(target), $"rolling back to {target ?? "the previous model"}") is { } belowFloor)
        {
            throw new UpdateException(belowFloor);
        }
        await report(ModelStates.Switching, null).ConfigureAwait(false);
        var (from, fromFolder) = (_activeVersion, _activeFolder);
        SwitchBackTo(previous, target);
        _startup.Store.Point(previous, previous: fromFolder, _config.Model.Bundle);
        LogRolledBackOnCommand(_logger, from ?? "unknown", _activeVersion ?? "unknown", command.Id);
        await PublishStateAsync(new ModelState
        {
            Active = _activeVersion, State = ModelStates.RolledBack, Reason = $"rolled back from {from} on command {command.Id}",
            CommandId = command.Id, Previous = from, TimeUtc = DateTimeOffset.UtcNow,
        }, stoppingToken).ConfigureAwait(false);
    }

    /// <summary>A report with a floor raises it, up to the active version: a command never puts the running model below the floor.</summary>
    private void RaiseFloorOnReport(ModelCommand command)
    {
        if (command.Floor is not { } text)
        {
            return;
        }
        var floor = SemanticVersion.Parse(text);
        if (_activeVersion is not null && SemanticVersion.TryParse(_activeVersion, out var active) && floor > active)
        {
            throw new UpdateException($"floor {floor} is above the active version {active}: install {floor} or later with that floor instead");
        }
        _floor.Raise(floor, command.Id);
    }

    /// <summary>
    /// Loads the earlier model in <paramref name="folder"/> and swaps it in (a way back is never refused for its
    /// latency: it ran before), then records it as the active one.
    /// </summary>
    private void SwitchBackTo(string folder, string? version)
    {
        if (_host is not null)
        {
            var model = CandidateCheck.Load(folder, _config with { Updates = _config.Updates with { LatencyBudgetMs = 0 } }, _logger);
            _host.Swap(model).Dispose();
        }
        _activeFolder = folder;
        _activeVersion = _host?.Current.Version ?? version;
    }

    private Task SetStateAsync(string state, string? reason, SwitchRecord record, CancellationToken cancellationToken) => PublishStateAsync(new ModelState
    {
        Active = _activeVersion, State = state, Reason = reason, Target = record.ToVersion, CommandId = record.CommandId,
        Previous = record.FromVersion, TimeUtc = DateTimeOffset.UtcNow,
    }, cancellationToken);

    private async Task PublishStateAsync(ModelState state, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _state = state;
        }
        _metrics.ModelUpdate = state;
        await PublishAsync(cancellationToken).ConfigureAwait(false);
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
        ModelState state;
        lock (_gate)
        {
            state = _state with { Floor = _floor.Current?.ToString() };
        }
        return _link.PublishAsync(_topics.ModelState, state.ToJson(), MqttQualityOfServiceLevel.AtLeastOnce, retain: true, cancellationToken);
    }

    private static string? VersionOf(string folder)
    {
        try
        {
            return ManifestSerializer.Parse(File.ReadAllBytes(Path.Combine(folder, BundleFileNames.Manifest))).ModelVersion.ToString();
        }
#pragma warning disable CA1031 // No readable manifest: the version is unknown, which the state says by leaving it out.
        catch (Exception)
#pragma warning restore CA1031
        {
            return null;
        }
    }


    /// <summary>The first scoring failure of one model version, caught while that version is being installed or on probation.</summary>
    private sealed class FaultWatch : IDisposable
    {
        private readonly TaskCompletionSource<string> _fault = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly IDisposable? _registration;

        public FaultWatch(IModelHost? host, string version) =>
            _registration = host?.WatchFaults((faulting, reason) =>
            {
                if (faulting != version)
                {
                    return false;
                }
                _fault.TrySetResult(reason);
                return true;
            });

        public Task<string> Fault => _fault.Task;

        public void Dispose() => _registration?.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Model command {Action} {Id} failed: {Reason}")]
    private static partial void LogFailed(ILogger logger, string action, string id, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Switched to model {Version} (was {Previous}); on probation for {Seconds} s")]
    private static partial void LogSwitched(ILogger logger, string version, string previous, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Model {Version} passed probation and is active; {Removed} old version(s) removed")]
    private static partial void LogActive(ILogger logger, string version, int removed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rolling back model {Version}: {Reason}")]
    private static partial void LogRollingBack(ILogger logger, string version, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rolled back from model {From} to {To} on command {Id}")]
    private static partial void LogRolledBackOnCommand(ILogger logger, string from, string to, string id);
}
