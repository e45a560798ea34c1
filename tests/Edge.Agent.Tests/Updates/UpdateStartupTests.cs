using Edge.Agent.Configuration;
using Edge.Agent.Updates.Startup;
using Edge.Agent.Updates.Store;
using Edge.Fleet;
using Edge.Testing;

namespace Edge.Agent.Tests.Updates;

/// <summary>What a start finds after a crash at each point of a switch (the journal and links as that crash left them).</summary>
public sealed class UpdateStartupTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 8, 0, 0, TimeSpan.Zero);
    private readonly TempFolder _temp = new();
    private readonly AgentConfig _config;
    private readonly ModelStore _store;
    private readonly string _v1;
    private readonly string _v2;

    public UpdateStartupTests()
    {
        _config = new AgentConfig
        {
            Site = "plant1", Device = "box1", StateDirectory = _temp.File("state"),
            Model = new ModelConfig { Bundle = _temp.File("configured") },
            Updates = new UpdatesConfig { ProbationSeconds = 60, ProbationMaxRestarts = 2 },
        };
        _store = new ModelStore(_config.StateDirectory);
        _v1 = Folder("1.0.0");
        _v2 = Folder("2.0.0");
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void With_no_journal_the_installed_current_runs()
    {
        _store.Point(_v2, _v1, _config.Model.Bundle);

        var startup = UpdateStartup.Recover(_config, Now);

        Assert.Equal(_v2, startup.ActiveFolder);
        Assert.Null(startup.Probation);
        Assert.Null(startup.Report);
    }

    [Fact]
    public void A_crash_after_the_journal_but_before_the_link_keeps_the_old_model_and_reports_the_interrupted_switch()
    {
        _store.Point(_v1, null, _config.Model.Bundle);
        _store.Journal.Write(Record(SwitchPhase.Switching, starts: 0));

        var startup = UpdateStartup.Recover(_config, Now);

        Assert.Equal(_v1, startup.ActiveFolder);
        Assert.Null(startup.Probation);
        Assert.Null(_store.Journal.Read());
        Assert.Equal(ModelStates.Failed, startup.Report!.State);
        Assert.Contains("stopped during the install of 2.0.0, before the switch", startup.Report.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_crash_while_downloading_before_any_install_keeps_the_configured_model_and_reports_the_interrupted_install()
    {
        _store.Journal.Write(Record(SwitchPhase.Preparing, starts: 0) with { FromFolder = _config.Model.Bundle, ToFolder = "" });

        var startup = UpdateStartup.Recover(_config, Now);

        Assert.Equal(_config.Model.Bundle, startup.ActiveFolder);
        Assert.Null(_store.Journal.Read());
        Assert.Equal(ModelStates.Failed, startup.Report!.State);
        Assert.Equal("c1", startup.Report.CommandId);
    }

    [Fact]
    public void A_crash_after_the_link_continues_the_switch_as_a_probation_counted_from_this_start()
    {
        _store.Point(_v2, _v1, _config.Model.Bundle);
        _store.Journal.Write(Record(SwitchPhase.Switching, starts: 0));

        var startup = UpdateStartup.Recover(_config, Now);

        Assert.Equal(_v2, startup.ActiveFolder);
        Assert.Equal(SwitchPhase.Probation, startup.Probation!.Phase);
        Assert.Equal(1, startup.Probation.Starts);
        Assert.Equal(Now.AddSeconds(60), startup.Probation.ProbationUntilUtc);
        Assert.Equal(startup.Probation, _store.Journal.Read());
    }

    [Fact]
    public void Restarts_during_probation_are_counted_and_past_the_limit_the_previous_model_is_restored()
    {
        _store.Point(_v2, _v1, _config.Model.Bundle);
        _store.Journal.Write(Record(SwitchPhase.Probation, starts: 1) with { ProbationUntilUtc = Now.AddSeconds(30) });

        var second = UpdateStartup.Recover(_config, Now);
        Assert.Equal(2, second.Probation!.Starts);
        Assert.Equal(Now.AddSeconds(30), second.Probation.ProbationUntilUtc);
        Assert.Equal(_v2, second.ActiveFolder);

        var third = UpdateStartup.Recover(_config, Now);

        Assert.Equal(_v1, third.ActiveFolder);
        Assert.Equal(_v1, _store.Current);
        Assert.Null(third.Probation);
        Assert.Null(_store.Journal.Read());
        Assert.Equal(ModelStates.RolledBack, third.Report!.State);
        Assert.Contains("restarted 2 time(s) since the switch", third.Report.Reason, StringComparison.Ordinal);
        Assert.Equal("1.0.0", third.Report.Active);
    }

    private SwitchRecord Record(SwitchPhase phase, int starts) => new()
    {
        FromFolder = _v1, FromVersion = "1.0.0", ToFolder = _v2, ToVersion = "2.0.0", CommandId = "c1", Phase = phase, Starts = starts,
    };

    private string Folder(string version)
    {
        var folder = _store.VersionFolder(version);
        Directory.CreateDirectory(folder);
        return folder;
    }
}
