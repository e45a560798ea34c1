using System.Globalization;
using System.Text.Json;
using Edge.Agent.Tests.Pipeline;
using Edge.Agent.Tests.Support;
using Edge.Testing;

namespace Edge.Agent.Tests.Fleet;

/// <summary>
/// <c>edge-train rollout</c> against real agent processes, a real broker and a real HTTP server on loopback: the
/// protocol as both sides really speak it.
/// </summary>
[Collection(TrainedBundleCollection.Name)]
public sealed class RolloutCommandTests(TrainedBundle bundle) : BrokerTest
{
    private static readonly string Trainer = Path.Combine(AppContext.BaseDirectory, "edge-train.dll");

    private string BrokerUrl => $"mqtt://127.0.0.1:{Broker.Port.ToString(CultureInfo.InvariantCulture)}";

    [Fact]
    public async Task A_rollout_in_two_waves_of_signed_commands_installs_a_signed_archive_on_two_agents_raises_their_floor_and_exits_zero_with_both_active()
    {
        var calibrated = bundle.CalibratedCopy(Folder);
        await using var kit = await UpdateKit.StartAsync(calibrated, new TempFolder());
        var archive = kit.Make("edge-2.0.0", "2.0.0");
        using var second = new TempFolder();
        using var status = Broker.Subscribe("edge/+/+/status", persistent: false);
        using var agent1 = AgentProcess.Start(["run", "--config", Config(Folder, "box1", calibrated, kit.PublicKeyPath)]);
        using var agent2 = AgentProcess.Start(["run", "--config", Config(second, "box2", calibrated, kit.PublicKeyPath)]);
        AgentProcess.WaitOnline(status, Patience, agent1, agent2);

        var output = ExternalTool.Run("dotnet", [Trainer, "rollout", "--broker", BrokerUrl, "--archive-url", archive.Url.ToString(),
            "--archive", Path.Combine(kit.Server.Folder, "edge-2.0.0.zip"), "--devices", "plant1/+", "--waves", "1,100%", "--key", kit.PrivateKeyPath,
            "--floor", "2.0.0", "--listen-seconds", "1", "--timeout-minutes", "2", "--json"], TimeSpan.FromMinutes(3));
        agent1.Terminate();
        agent2.Terminate();

        var devices = output.Trim().Split('\n').Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(["box1", "box2"], devices.Select(d => d.GetProperty("device").GetString()).Order());
        Assert.Equal([1, 2], devices.Select(d => d.GetProperty("wave").GetInt32()).Order());
        Assert.All(devices, d => Assert.Equal("active", d.GetProperty("state").GetString()));
        Assert.All(devices, d => Assert.Equal("2.0.0", d.GetProperty("version").GetString()));
        Assert.Equal(2, kit.Server.Requests.Count(r => r.Path == "/edge-2.0.0.zip"));
        Assert.All(new[] { Folder, second }, f => Assert.Contains("\"floor\":\"2.0.0\"", File.ReadAllText(Path.Combine(f.Path, "state", "updates", "floor.json")), StringComparison.Ordinal));
        Assert.Equal(0, agent1.WaitForExit(Patience));
        Assert.Equal(0, agent2.WaitForExit(Patience));
    }

    [Fact]
    public async Task A_rollout_of_an_archive_published_as_mqtt_chunks_installs_it_without_a_model_server()
    {
        var calibrated = bundle.CalibratedCopy(Folder);
        await using var kit = await UpdateKit.StartAsync(calibrated, new TempFolder());
        var archive = kit.Make("edge-2.0.0", "2.0.0");
        var zip = Path.Combine(kit.Server.Folder, "edge-2.0.0.zip");
        ExternalTool.Run("dotnet", [Trainer, "publish-chunks", "--broker", BrokerUrl, "--archive", zip], TimeSpan.FromMinutes(2));
        using var status = Broker.Subscribe("edge/plant1/box1/status", persistent: false);
        using var agent = AgentProcess.Start(["run", "--config", Config(Folder, "box1", calibrated, kit.PublicKeyPath)]);
        AgentProcess.WaitOnline(status, Patience, agent);

        var output = ExternalTool.Run("dotnet", [Trainer, "rollout", "--broker", BrokerUrl, "--archive-url", $"mqtt-chunks:{archive.Sha256}",
            "--archive", zip, "--devices", "plant1/box1", "--waves", "100%", "--key", kit.PrivateKeyPath, "--listen-seconds", "1", "--timeout-minutes", "2", "--json"], TimeSpan.FromMinutes(3));
        agent.Terminate();

        var device = JsonDocument.Parse(output.Trim()).RootElement;
        Assert.Equal(("active", "2.0.0"), (device.GetProperty("state").GetString(), device.GetProperty("version").GetString()));
        Assert.Empty(kit.Server.Requests);
        Assert.Equal(0, agent.WaitForExit(Patience));
    }

    [Fact]
    public void A_rollout_to_an_agent_that_trusts_no_key_ends_refused_with_the_agent_s_reason_and_a_non_zero_exit()
    {
        using var key = Bundles.Signing.SigningKeys.Generate();
        File.WriteAllText(Folder.File("edge-signing.key"), Bundles.Signing.SigningKeys.PrivateKeyPem(key));
        var config = AgentConfigFile.Write(Folder, Broker.Port);
        using var status = Broker.Subscribe("edge/plant1/box1/status", persistent: false);
        using var agent = AgentProcess.Start(["run", "--config", config]);
        status.WaitUntil(m => m.Any(x => x.Payload == "online"), Patience);

        var error = Assert.Throws<ExternalToolException>(() => ExternalTool.Run("dotnet", [Trainer, "rollout", "--broker", BrokerUrl,
            "--archive-url", "http://127.0.0.1:9/edge-2.0.0.zip", "--devices", "plant1/+", "--version", "2.0.0", "--sha256", new string('a', 64),
            "--size", "10", "--key", Folder.File("edge-signing.key"), "--listen-seconds", "1", "--timeout-minutes", "1", "--json"], Patience));
        agent.Terminate();

        // With --json the one-line summary goes to standard error, which is what ExternalTool keeps of a failed run.
        Assert.Equal(2, error.ExitCode);
        var summary = Assert.Single(error.ErrorOutput.Trim().Split('\n'));
        Assert.Contains("0 of 1 device(s) active on 2.0.0, 1 failed", summary, StringComparison.Ordinal);
        Assert.Contains("first failure plant1/box1: no command keys are configured", summary, StringComparison.Ordinal);
        Assert.Equal(0, agent.WaitForExit(Patience));
    }

    // These agents have no cameras: they start with, and install, only a calibrated bundle (the archives are made from one).
    private string Config(TempFolder folder, string device, string model, string trustedKey) => AgentConfigFile.Write(folder, Broker.Port, model: model, device: device,
        updates: $$"""{ "trustedKeys": ["{{trustedKey}}"], "archiveHosts": ["127.0.0.1"], "probationSeconds": 1 }""");
}
