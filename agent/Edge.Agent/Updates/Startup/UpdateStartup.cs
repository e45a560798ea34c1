using Edge.Agent.Commands;
using Edge.Agent.Configuration;
using Edge.Agent.Pipeline;
using Edge.Agent.Updates.Store;
using Edge.Fleet;
using Microsoft.Extensions.Logging;

namespace Edge.Agent.Updates.Startup;

/// <summary>
/// What the agent does about models before anything runs: finishes or undoes a switch a crash interrupted, counts a
/// start during probation (a new model that keeps crashing the agent is rolled back here), picks the bundle to run,
/// and if a model in probation cannot even load, falls back to the previous one. <see cref="ModelUpdater"/> takes it
/// from there (reporting what happened, continuing a probation).
/// </summary>
public sealed class UpdateStartup
{
    private readonly AgentConfig _config;

    private UpdateStartup(AgentConfig config, ModelStore store)
    {
        _config = config;
        Store = store;
        ActiveFolder = config.Model.Bundle;
    }

    public ModelStore Store { get; }

    /// <summary>The bundle folder running now.</summary>
    public string ActiveFolder { get; private set; }

    /// <summary>A switch whose probation is still under way, to be continued.</summary>
    public SwitchRecord? Probation { get; private set; }

    /// <summary>Something the fleet must hear about at start (a rollback, an interrupted switch); null if nothing.</summary>
    public ModelState? Report { get; private set; }

    public static UpdateStartup Recover(AgentConfig config, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(config);
        var startup = new UpdateStartup(config, new ModelStore(config.StateDirectory));
        startup.RecoverCore(now);
        return startup;
    }

    /// <summary>Loads the active bundle; in probation a bundle that fails to load is rolled back and the previous one loaded.</summary>
    /// <exception cref="StartupException">The bundle to run cannot be used.</exception>
    public ActiveModel LoadActive(OnnxRuntimeConfig runtime, ILogger logger)
    {
        try
        {
            return ModelLoader.Load(ActiveFolder, runtime, logger, _config.EngineCacheDirectory);
        }
        catch (StartupException e) when (Probation is { } record)
        {
            RollBack(record, $"model {record.ToVersion} could not be loaded after the switch: {e.Message}");
            return ModelLoader.Load(ActiveFolder, runtime, logger, _config.EngineCacheDirectory);
        }
    }

    /// <summary>The probation ended (passed or rolled back while running): nothing is left to continue.</summary>
    public void ProbationEnded() => Probation = null;

    private void RecoverCore(DateTimeOffset now)
    {
        Store.CleanInterrupted();
        ActiveFolder = Store.ActiveBundle(_config.Model.Bundle);
        if (Store.Journal.Read() is not { } record)
        {
            return;
        }
        var current = Store.Current;
        var switched = current is not null && record.ToFolder.Length > 0 && ModelStore.SameFolder(current, record.ToFolder);
        if (!switched)
        {
            // Stopped before current changed: the old model never stopped being active. (A probation journal whose
            // link was changed by hand no longer applies either.)
            Store.Journal.Delete();
            if (record.Phase != SwitchPhase.Probation)
            {
                Report = State(ModelStates.Failed, record, record.FromVersion,
                    $"the agent stopped during the install of {record.ToVersion}, before the switch; {record.FromVersion ?? "the previous model"} stays active (send the command again to retry)");
            }
            return;
        }
        if (!ModelStore.SameFolder(ActiveFolder, current!))
        {
            // model.bundle was changed since the switch: the operator's choice runs and the journal no longer applies.
            Store.Journal.Delete();
            return;
        }
        var starts = record.Starts + 1;
        if (starts > _config.Updates.ProbationMaxRestarts)
        {
            RollBack(record, $"model {record.ToVersion} was on probation and the agent restarted {starts - 1} time(s) since the switch (updates.probationMaxRestarts = {_config.Updates.ProbationMaxRestarts})");
            return;
        }
        var until = record.Phase == SwitchPhase.Switching || record.ProbationUntilUtc == default
            ? now.AddSeconds(_config.Updates.ProbationSeconds)
            : record.ProbationUntilUtc;
        Probation = record with { Phase = SwitchPhase.Probation, Starts = starts, ProbationUntilUtc = until };
        Store.Journal.Write(Probation);
        ActiveFolder = current!;
    }

    private void RollBack(SwitchRecord record, string reason)
    {
        Store.Restore(record.FromFolder, _config.Model.Bundle);
        Probation = null;
        ActiveFolder = Store.ActiveBundle(_config.Model.Bundle);
        Report = State(ModelStates.RolledBack, record, record.FromVersion, $"{reason}; rolled back to {record.FromVersion ?? "the previous model"}");
    }

    private static ModelState State(string state, SwitchRecord record, string? active, string reason) => new()
    {
        Active = active, State = state, Reason = reason, Target = record.ToVersion, CommandId = record.CommandId,
        Previous = record.FromVersion, TimeUtc = DateTimeOffset.UtcNow,
    };

}
