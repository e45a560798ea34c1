using Edge.Agent.Configuration;
using Edge.Agent.Mqtt;
using Edge.Agent.Updates;
using Edge.Agent.Updates.Download;
using Edge.Agent.Updates.Install;
using Edge.Agent.Updates.Store;
using Edge.Fleet;
using Edge.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Edge.Agent.Tests.Updates;

/// <summary>
/// The version rule an install passes before anything is fetched: an active model of unknown version is no exemption
/// (it was: the check was skipped, so any version went in without force), but a device with no model at all has nothing
/// to go down from. No trusted keys are configured, so an install
/// that passes the rule stops at the next step with that reason, and nothing is fetched either way.
/// </summary>
public sealed class ModelInstallerVersionRuleTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly HttpClient _http = ArchiveDownloader.CreateHttpClient();
    private readonly MqttLink _link = new(new MqttConfig { Port = FreePort.Pick() }, new MqttTopics("plant1", "box1"), NullLogger<MqttLink>.Instance);
    private readonly ModelInstaller _installer;

    public ModelInstallerVersionRuleTests()
    {
        var config = new AgentConfig
        {
            Site = "plant1", Device = "box1", StateDirectory = _temp.File("state"),
            Model = new ModelConfig { Bundle = _temp.File("configured") },
            Updates = new UpdatesConfig { ArchiveHosts = ["127.0.0.1"] },
        };
        _installer = new ModelInstaller(config, new ModelStore(config.StateDirectory), null, _http, _link,
            new VersionFloor(_temp.File("state/updates/floor.json"), null), NullLogger.Instance);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-a-version")]
    public async Task Without_force_an_install_over_a_model_of_unknown_version_is_refused_saying_so(string? activeVersion)
    {
        Directory.CreateDirectory(ActiveFolder);
        await File.WriteAllTextAsync(Path.Combine(ActiveFolder, "manifest.json"), "{ broken");

        var error = await Assert.ThrowsAsync<UpdateException>(() => InstallAsync("0.1.0", activeVersion, force: false));

        Assert.Equal("the active model's version is unknown (its manifest does not read), so nothing shows 0.1.0 is newer; send the command with force to install it anyway", error.Message);
    }

    [Fact]
    public async Task With_no_model_at_all_an_install_passes_the_version_rule_without_force()
    {
        var error = await Assert.ThrowsAsync<UpdateException>(() => InstallAsync("0.1.0", null, force: false));

        Assert.StartsWith("no trusted keys are configured", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_force_an_install_over_a_model_of_unknown_version_passes_the_version_rule()
    {
        Directory.CreateDirectory(ActiveFolder);
        var error = await Assert.ThrowsAsync<UpdateException>(() => InstallAsync("0.1.0", null, force: true));

        Assert.StartsWith("no trusted keys are configured", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_newer_version_than_the_known_active_one_passes_without_force_and_an_older_one_does_not()
    {
        var newer = await Assert.ThrowsAsync<UpdateException>(() => InstallAsync("2.0.0", "1.0.0", force: false));
        var older = await Assert.ThrowsAsync<UpdateException>(() => InstallAsync("0.9.0", "1.0.0", force: false));

        Assert.StartsWith("no trusted keys are configured", newer.Message, StringComparison.Ordinal);
        Assert.Equal("version 0.9.0 is not newer than the active 1.0.0; send the command with force to install it anyway", older.Message);
    }

    private string ActiveFolder => _temp.File("active");

    private Task<SwitchRecord> InstallAsync(string version, string? activeVersion, bool force) => _installer.InstallAsync(new ModelCommand
    {
        Id = "v1", Action = ModelAction.Install, IssuedUtc = DateTimeOffset.UtcNow, Version = version, Urls = [new Uri("http://127.0.0.1:9/b.zip")],
        Sha256 = new string('a', 64), Size = 100, Force = force,
    }, ActiveFolder, activeVersion, (_, _) => Task.CompletedTask, CancellationToken.None);

    public void Dispose()
    {
        _link.Dispose();
        _http.Dispose();
        _temp.Dispose();
    }
}
