using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Edge.Bundles.Signing;
using Edge.Fleet;
using Edge.Testing;
using MQTTnet.Protocol;

namespace Edge.Trainer.Tests.Fleet;

/// <summary>
/// <c>edge-train rollout</c> run as a process against a real Mosquitto broker, with devices simulated in the test
/// (<see cref="SimulatedDevice"/>): no agent process, since agents cannot install over the air yet.
/// </summary>
public sealed class RolloutWithSimulatedDevicesTests : IDisposable
{
    private const string ArchiveUrl = "http://models.test/edge-2.0.0.zip";

    private static readonly string Cli = Path.Combine(AppContext.BaseDirectory, "edge-train.dll");
    private static readonly string Hash = new('c', 64);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private readonly MosquittoBroker _broker = MosquittoBroker.Start();
    private readonly TempFolder _folder = new();
    private readonly ECDsa _key = SigningKeys.Generate();

    public RolloutWithSimulatedDevicesTests() => File.WriteAllText(KeyFile, SigningKeys.PrivateKeyPem(_key));

    private string KeyFile => _folder.File("edge-signing.key");

    private string Broker => $"mqtt://127.0.0.1:{_broker.Port.ToString(CultureInfo.InvariantCulture)}";

    [Fact]
    public async Task Every_device_ends_active_wave_by_wave_and_each_got_exactly_one_install_command_with_the_archive_s_fields()
    {
        var archive = WriteArchive("2.0.0");
        // box1 starts with the retained, final state of someone else's command: it must not count as ours.
        var stale = new ModelState { Active = "1.0.0", State = ModelStates.Failed, Reason = "old", CommandId = "an-older-command", TimeUtc = DateTimeOffset.UtcNow };
        await using var box1 = await SimulatedDevice.StartAsync(_broker.Port, "plant1", "box1", SimulatedDeviceBehaviour.Succeeds, initialState: stale);
        await using var box2 = await SimulatedDevice.StartAsync(_broker.Port, "plant1", "box2", SimulatedDeviceBehaviour.Succeeds);
        await using var box3 = await SimulatedDevice.StartAsync(_broker.Port, "plant1", "box3", SimulatedDeviceBehaviour.Succeeds);
        await using var elsewhere = await SimulatedDevice.StartAsync(_broker.Port, "plant2", "box1", SimulatedDeviceBehaviour.Succeeds);
        var started = DateTimeOffset.UtcNow;

        // 3 devices, waves 1,50%,100%: 1; ceil(1.5) = 2, so 1 more; then the last one.
        var output = ExternalTool.Run("dotnet", [Cli, "rollout", "--key", KeyFile, "--broker", Broker, "--archive-url", ArchiveUrl, "--devices", "plant1/+",
            "--archive", archive, "--waves", "1,50%,100%", "--listen-seconds", "1", "--json"], Patience);

        var lines = output.Trim().Split('\n').Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(["box1", "box2", "box3"], lines.Select(l => l.GetProperty("device").GetString()));
        Assert.Equal([1, 2, 3], lines.Select(l => l.GetProperty("wave").GetInt32()));
        Assert.All(lines, l =>
        {
            Assert.True(l.GetProperty("succeeded").GetBoolean());
            Assert.Equal("active", l.GetProperty("state").GetString());
            Assert.Equal("2.0.0", l.GetProperty("version").GetString());
        });
        var bytes = File.ReadAllBytes(archive);
        var commands = new[] { box1, box2, box3 }.Select(d => Assert.Single(d.Commands)).ToList();
        Assert.All(commands, c =>
        {
            Assert.Equal(ModelAction.Install, c.Command.Action);
            Assert.Equal("2.0.0", c.Command.Version);
            Assert.Equal([new Uri(ArchiveUrl)], c.Command.Urls);
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), c.Command.Sha256);
            Assert.Equal(bytes.Length, c.Command.Size);
            Assert.False(c.Command.Force);
            Assert.InRange(c.Command.IssuedUtc, started.AddSeconds(-1), DateTimeOffset.UtcNow);
            Assert.False(c.Retained);
            Assert.Equal(MqttQualityOfServiceLevel.AtLeastOnce, c.QualityOfService);
            Assert.StartsWith("edge-train/rollout/", c.ResponseTopic, StringComparison.Ordinal);
            Assert.Equal(c.Command.Id, Encoding.UTF8.GetString(c.CorrelationData!));
            Assert.Matches("^edge-train/rollout/[^/+#]+/reply$", c.ResponseTopic);
        });
        // Each command is signed for the one device it went to, and for no other.
        using var trusted = new TrustedKeys();
        trusted.Add(SigningKeys.ImportPublicKey(SigningKeys.PublicKeyPem(_key), "rollout key"));
        foreach (var device in new[] { box1, box2, box3 })
        {
            var received = Assert.Single(device.Commands).Command;
            Assert.Null(ModelCommandSignature.Refusal(received, device.Topics, trusted, received.IssuedUtc));
            Assert.Equal(ModelCommandSignature.DefaultLifetime, received.ExpiresUtc - received.IssuedUtc);
            Assert.Contains("signed for device", ModelCommandSignature.Refusal(received, elsewhere.Topics, trusted, received.IssuedUtc), StringComparison.Ordinal);
        }
        Assert.Equal(3, commands.Select(c => c.Command.Id).Distinct().Count());
        Assert.Equal(commands.Select(c => c.Command.Id), lines.Select(l => l.GetProperty("commandId").GetString()));
        // A wave starts only once the one before it is over.
        Assert.True(box2.Commands[0].ReceivedUtc >= box1.FinishedUtc);
        Assert.True(box3.Commands[0].ReceivedUtc >= box2.FinishedUtc);
        Assert.Empty(elsewhere.Commands);
    }

    [Fact]
    public async Task A_device_failing_in_the_first_wave_with_halt_on_failure_stops_at_once_and_later_waves_never_get_a_command()
    {
        // Sorted by name: a fails at once, b hangs in the same wave; c and d are the second wave.
        await using var a = await SimulatedDevice.StartAsync(_broker.Port, "plant1", "a", SimulatedDeviceBehaviour.Fails);
        await using var b = await SimulatedDevice.StartAsync(_broker.Port, "plant1", "b", SimulatedDeviceBehaviour.Hangs);
        await using var c = await SimulatedDevice.StartAsync(_broker.Port, "plant1", "c", SimulatedDeviceBehaviour.Succeeds);
        await using var d = await SimulatedDevice.StartAsync(_broker.Port, "plant1", "d", SimulatedDeviceBehaviour.Succeeds);

        // The timeout is long: only halting at the first failure can end this run in time.
        var error = Assert.Throws<ExternalToolException>(() => ExternalTool.Run("dotnet", [Cli, "rollout", "--key", KeyFile, "--broker", Broker,
            "--archive-url", ArchiveUrl, "--devices", "plant1/+", "--version", "2.0.0", "--sha256", Hash, "--size", "1234",
            "--waves", "2,100%", "--halt-on-failure", "--timeout-minutes", "30", "--listen-seconds", "1"], Patience));
        await Task.Delay(500);

        Assert.Equal(2, error.ExitCode);
        var summary = Assert.Single(error.ErrorOutput.Trim().Split('\n'));
        Assert.Contains("0 of 4 device(s) active on 2.0.0, 1 failed, 1 unfinished, 2 not sent", summary, StringComparison.Ordinal);
        Assert.Contains("halted in wave 1 of 2", summary, StringComparison.Ordinal);
        Assert.Contains($"first failure plant1/a: {SimulatedDevice.FailureReason}", summary, StringComparison.Ordinal);
        Assert.Single(a.Commands);
        Assert.Single(b.Commands);
        Assert.Empty(c.Commands);
        Assert.Empty(d.Commands);
    }

    [Fact]
    public async Task A_wave_whose_failure_rate_is_within_max_failure_rate_lets_the_next_wave_go_and_the_exit_code_still_says_one_failed()
    {
        await using var a = await SimulatedDevice.StartAsync(_broker.Port, "plant1", "a", SimulatedDeviceBehaviour.Fails);
        await using var b = await SimulatedDevice.StartAsync(_broker.Port, "plant1", "b", SimulatedDeviceBehaviour.Succeeds);
        await using var c = await SimulatedDevice.StartAsync(_broker.Port, "plant1", "c", SimulatedDeviceBehaviour.Succeeds);

        // Wave 1 is a and b: 1 of 2 failed, 0.5, not above 0.5.
        var error = Assert.Throws<ExternalToolException>(() => ExternalTool.Run("dotnet", [Cli, "rollout", "--key", KeyFile, "--broker", Broker,
            "--archive-url", ArchiveUrl, "--devices", "+/+", "--version", "2.0.0", "--sha256", Hash, "--size", "1234",
            "--waves", "2,100%", "--max-failure-rate", "0.5", "--listen-seconds", "1"], Patience));

        Assert.Equal(2, error.ExitCode);
        Assert.Contains("2 of 3 device(s) active on 2.0.0, 1 failed", error.ErrorOutput, StringComparison.Ordinal);
        Assert.Single(c.Commands);
        Assert.Equal("2.0.0", c.Commands[0].Command.Version);
    }

    [Fact]
    public async Task A_device_that_never_reaches_a_final_state_fails_after_the_timeout_and_stops_the_next_wave()
    {
        await using var a = await SimulatedDevice.StartAsync(_broker.Port, "plant1", "a", SimulatedDeviceBehaviour.Hangs);
        await using var b = await SimulatedDevice.StartAsync(_broker.Port, "plant1", "b", SimulatedDeviceBehaviour.Succeeds);

        // 0.05 minutes is 3 seconds.
        var error = Assert.Throws<ExternalToolException>(() => ExternalTool.Run("dotnet", [Cli, "rollout", "--key", KeyFile,
            "--broker", Broker, "--archive-url", ArchiveUrl, "--devices", "plant1/+", "--version", "2.0.0", "--sha256", Hash, "--size", "1234",
            "--waves", "1,100%", "--timeout-minutes", "0.05", "--listen-seconds", "1", "--force"], Patience));

        Assert.Equal(2, error.ExitCode);
        Assert.Contains("first failure plant1/a: no final state within 0.05 minutes (last: downloading)", error.ErrorOutput, StringComparison.Ordinal);
        Assert.Contains("1 not sent", error.ErrorOutput, StringComparison.Ordinal);
        Assert.True(Assert.Single(a.Commands).Command.Force);
        Assert.Empty(b.Commands);
    }

    [Fact]
    public async Task No_online_device_matching_the_filter_is_a_one_line_error()
    {
        await using var other = await SimulatedDevice.StartAsync(_broker.Port, "plant2", "box1", SimulatedDeviceBehaviour.Succeeds);

        var error = Assert.Throws<ExternalToolException>(() => ExternalTool.Run("dotnet", [Cli, "rollout", "--key", KeyFile, "--broker", Broker,
            "--archive-url", ArchiveUrl, "--devices", "plant1/+", "--version", "2.0.0", "--sha256", Hash, "--size", "1234", "--listen-seconds", "0.5"], Patience));

        Assert.Equal(1, error.ExitCode);
        Assert.StartsWith("edge-train: error: No device matching plant1/+ has a status on the broker", error.ErrorOutput, StringComparison.Ordinal);
        Assert.Single(error.ErrorOutput.Trim().Split('\n'));
        Assert.Empty(other.Commands);
    }

    public void Dispose()
    {
        _key.Dispose();
        _broker.Dispose();
        _folder.Dispose();
    }

    /// <summary>A zip shaped like edge-train pack's: only the manifest's version matters to the rollout.</summary>
    private string WriteArchive(string version)
    {
        var path = _folder.File($"edge-{version}.zip");
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        using (var writer = new StreamWriter(zip.CreateEntry("manifest.json").Open()))
        {
            writer.Write($$"""{ "formatVersion": 1, "modelVersion": "{{version}}" }""");
        }
        using (var writer = new StreamWriter(zip.CreateEntry("manifest.sig").Open()))
        {
            writer.Write("signature");
        }
        return path;
    }
}
