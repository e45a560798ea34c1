using System.Globalization;
using System.Text;
using System.Text.Json;
using Edge.Agent.Tests.Pipeline;
using Edge.Agent.Tests.Support;
using Edge.Bundles.Files;
using Edge.Fleet;
using Edge.Testing;

namespace Edge.Agent.Tests.Updates;

/// <summary>
/// Over-the-air updates end to end: real agent processes scoring a folder camera with the trained bundle (1.0.0), a
/// real Mosquitto broker, signed archives on a real HTTP server on loopback, commands sent with mosquitto_pub and
/// the retained model state read with mosquitto_sub.
/// </summary>
[Collection(TrainedBundleCollection.Name)]
public sealed class OverTheAirUpdateProcessTests(TrainedBundle bundle) : BrokerTest
{
    private static readonly TimeSpan UpdatePatience = TimeSpan.FromSeconds(90);

    private static readonly string Trainer = Path.Combine(AppContext.BaseDirectory, "edge-train.dll");

    [Fact]
    public async Task A_good_signed_update_reaches_two_agents_both_report_it_active_it_survives_a_restart_and_a_rollback_command_restores_1_0_0()
    {
        await using var kit = await UpdateKit.StartAsync(bundle.Folder, new TempFolder());
        var v2 = kit.Make("good", "2.0.0");
        using var box2Folder = new TempFolder();
        using var states = Broker.Subscribe("edge/+/+/model/state", persistent: false);
        using var alarms = Broker.Subscribe("edge/plant1/+/alarms/#", persistent: false);
        var box1 = Config(kit, Folder, "box1");
        var box2 = Config(kit, box2Folder, "box2");
        using var agent1 = AgentProcess.Start(["run", "--config", box1]);
        using var agent2 = AgentProcess.Start(["run", "--config", box2]);
        WaitState(states, "box1", s => s.Active == "1.0.0", agent1);
        WaitState(states, "box2", s => s.Active == "1.0.0", agent2);

        var u2 = kit.InstallCommand("u2", v2, device: "box2");
        Command("box1", kit.InstallCommand("u1", v2));
        Command("box2", u2);
        var done1 = WaitState(states, "box1", s => s.CommandId == "u1" && IsFinal(s.State), agent1);
        var done2 = WaitState(states, "box2", s => s.CommandId == "u2" && IsFinal(s.State), agent2);

        Assert.Equal(("active", "2.0.0"), (done1.State, done1.Active));
        Assert.Equal(("active", "2.0.0"), (done2.State, done2.Active));
        var steps = States(states, "box1").Where(s => s.CommandId == "u1").Select(s => s.State).Distinct().ToList();
        Assert.Equal(["downloading", "verifying", "validating", "switching", "probation", "active"], steps);
        // Frames keep being scored across the switch: alarms now name the new model.
        alarms.WaitUntil(m => m.Any(x => x.Topic.Contains("/box1/", StringComparison.Ordinal) && x.Payload.Contains("\"modelVersion\":\"2.0.0\"", StringComparison.Ordinal)), UpdatePatience);
        Assert.Equal(Path.Combine(Folder.Path, "state", "models", "versions", "2.0.0"), new FileInfo(Path.Combine(Folder.Path, "state", "models", "current")).LinkTarget);

        // A restart runs the installed version, not the configured 1.0.0.
        agent1.Terminate();
        Assert.Equal(0, agent1.WaitForExit(Patience));
        var restarted = states.Messages.Count;
        using var again = AgentProcess.Start(["run", "--config", box1]);
        WaitState(states, "box1", s => s.Active == "2.0.0", again, skip: restarted);

        // Refused commands change nothing: a rollback dated 2020 (signed, but outside the replay window) and the replayed install.
        using var replies = Broker.Subscribe("edge/plant1/box2/cmd/model/reply");
        Command("box2", SignedCommands.Rollback("b-old", kit.Key, "box2", issuedUtc: new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero), lifetime: TimeSpan.FromDays(7300)));
        Command("box2", u2);
        Command("box2", SignedCommands.Rollback("b1", kit.Key, "box2"));
        var back = WaitState(states, "box2", s => s.CommandId == "b1" && IsFinal(s.State), agent2);
        var answers = replies.WaitUntil(m => m.Count >= 3, Patience).Select(m => JsonDocument.Parse(m.Payload).RootElement).ToList();

        Assert.Contains("outside the replay window", answers[0].GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Contains("already received", answers[1].GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal([false, false, true], answers.Select(a => a.GetProperty("accepted").GetBoolean()));
        Assert.DoesNotContain(States(states, "box2"), s => s.CommandId == "b-old");
        Assert.DoesNotContain(States(states, "box2"), s => s.CommandId == "u2" && s.State == "failed");
        Assert.Equal(("rolled-back", "1.0.0"), (back.State, back.Active));
        Assert.Contains("rolled back from 2.0.0 on command b1", back.Reason, StringComparison.Ordinal);
        again.Terminate();
        agent2.Terminate();
        Assert.Equal(0, again.WaitForExit(Patience));
        Assert.Equal(0, agent2.WaitForExit(Patience));
    }

    [Fact]
    public async Task A_tampered_file_an_unsigned_bundle_a_wrong_key_a_downgrade_and_a_failing_golden_check_are_each_refused_with_the_reason_and_1_0_0_keeps_running_until_a_forced_downgrade()
    {
        await using var kit = await UpdateKit.StartAsync(bundle.Folder, new TempFolder());
        using var stranger = Bundles.Signing.SigningKeys.Generate();
        var tampered = kit.MakeTampered("tampered", "2.0.0");
        var unsigned = kit.MakeUnsigned("unsigned", "2.0.0");
        var foreign = kit.Make("foreign", "2.0.0", signer: stranger);
        var older = kit.Make("older", "0.9.0");
        var golden = kit.Make("golden", "2.0.0", change: UpdateKit.BreakGoldenCheck);
        using var states = Broker.Subscribe("edge/+/+/model/state", persistent: false);
        using var agent = AgentProcess.Start(["run", "--config", Config(kit, Folder, "box1")]);
        WaitState(states, "box1", s => s.Active == "1.0.0", agent);

        var reasons = new Dictionary<string, string>();
        foreach (var (id, archive) in new[] { ("t", tampered), ("u", unsigned), ("k", foreign), ("d", older), ("g", golden) })
        {
            Command("box1", kit.InstallCommand(id, archive));
            var final = WaitState(states, "box1", s => s.CommandId == id && IsFinal(s.State), agent);
            Assert.Equal(("failed", "1.0.0"), (final.State, final.Active));
            reasons[id] = final.Reason!;
        }
        using var health = Broker.Subscribe("edge/plant1/box1/health", persistent: false);
        var report = JsonDocument.Parse(health.WaitUntil(m => m.Count > 0, Patience)[0].Payload).RootElement;
        var untouched = new FileInfo(Path.Combine(Folder.Path, "state", "models", "current")).LinkTarget;
        // A forced downgrade needs the owner's signature: unsigned, or signed by a key the device does not know, it is refused unread.
        using var replies = Broker.Subscribe("edge/plant1/box1/cmd/model/reply");
        Command("box1", Encoding.UTF8.GetString(ModelCommandJson.Serialize(UpdateKit.Install("du", older, force: true))));
        Command("box1", kit.InstallCommand("dk", older, force: true, signer: stranger));
        // The same older version with force, signed, is installed: the version rule is the only thing force lifts.
        Command("box1", kit.InstallCommand("df", older, force: true));
        var forced = WaitState(states, "box1", s => s.CommandId == "df" && IsFinal(s.State), agent);
        var refusals = replies.WaitUntil(m => m.Count >= 3, Patience).Select(m => JsonDocument.Parse(m.Payload).RootElement).ToList();
        agent.Terminate();
        Assert.Equal(0, agent.WaitForExit(Patience));

        Assert.Contains("verification failed", reasons["t"], StringComparison.Ordinal);
        Assert.Contains("encoder.onnx", reasons["t"], StringComparison.Ordinal);
        Assert.Contains("is not signed (manifest.sig is missing)", reasons["u"], StringComparison.Ordinal);
        Assert.Contains("which is not trusted", reasons["k"], StringComparison.Ordinal);
        Assert.Contains("version 0.9.0 is not newer than the active 1.0.0", reasons["d"], StringComparison.Ordinal);
        Assert.Contains("failed its golden check", reasons["g"], StringComparison.Ordinal);
        Assert.Equal("1.0.0", report.GetProperty("modelVersion").GetString());
        Assert.False(Directory.Exists(Path.Combine(Folder.Path, "state", "models", "versions", "2.0.0")));
        Assert.Null(untouched);
        Assert.Equal(("active", "0.9.0"), (forced.State, forced.Active));
        Assert.Equal([("du", false), ("dk", false), ("df", true)], refusals.Select(r => (r.GetProperty("id").GetString(), r.GetProperty("accepted").GetBoolean())));
        Assert.Contains("the command is not signed", refusals[0].GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Contains("which this device does not trust for commands", refusals[1].GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(States(states, "box1"), s => s.CommandId is "du" or "dk");
        Assert.Single(kit.Server.Requests, r => r.Path == "/older.zip");
    }

    [Fact]
    public async Task The_configured_floor_and_one_raised_by_a_signed_install_refuse_a_signed_downgrade_and_rollback_below_them_also_after_a_restart()
    {
        await using var kit = await UpdateKit.StartAsync(bundle.Folder, new TempFolder());
        var older = kit.Make("older", "0.9.0");
        var v2 = kit.Make("good", "2.0.0");
        using var states = Broker.Subscribe("edge/+/+/model/state", persistent: false);
        var config = Config(kit, Folder, "box1", extraUpdates: ", \"minimumVersion\": \"1.0.0\"");
        StateMessage below, raised, refused;
        using (var agent = AgentProcess.Start(["run", "--config", config]))
        {
            WaitState(states, "box1", s => s.Active == "1.0.0", agent);
            Command("box1", kit.InstallCommand("o1", older, force: true));
            below = WaitState(states, "box1", s => s.CommandId == "o1" && IsFinal(s.State), agent);
            Command("box1", kit.InstallCommand("f2", v2, floor: "2.0.0"));
            raised = WaitState(states, "box1", s => s.CommandId == "f2" && IsFinal(s.State), agent);
            Command("box1", SignedCommands.Rollback("b1", kit.Key));
            refused = WaitState(states, "box1", s => s.CommandId == "b1" && IsFinal(s.State), agent);
            agent.Terminate();
            Assert.Equal(0, agent.WaitForExit(Patience));
        }
        var before = states.Messages.Count;
        using var again = AgentProcess.Start(["run", "--config", config]);
        var restarted = WaitState(states, "box1", s => s.Active == "2.0.0", again, skip: before);
        Command("box1", SignedCommands.Rollback("b2", kit.Key));
        var stillRefused = WaitState(states, "box1", s => s.CommandId == "b2" && IsFinal(s.State), again, skip: before);
        again.Terminate();
        Assert.Equal(0, again.WaitForExit(Patience));

        Assert.Equal(("failed", "1.0.0", "1.0.0"), (below.State, below.Active, below.Floor));
        Assert.Equal("installing 0.9.0 is refused: version 0.9.0 is below this device's version floor 1.0.0 (updates.minimumVersion), which no command goes under, forced or not", below.Reason);
        Assert.DoesNotContain(kit.Server.Requests, r => r.Path == "/older.zip");
        Assert.Equal(("active", "2.0.0", "2.0.0"), (raised.State, raised.Active, raised.Floor));
        Assert.Equal(("failed", "2.0.0"), (refused.State, refused.Active));
        Assert.Equal("rolling back to 1.0.0 is refused: version 1.0.0 is below this device's version floor 2.0.0 (raised by command f2), which no command goes under, forced or not", refused.Reason);
        Assert.Equal("2.0.0", restarted.Floor);
        Assert.Equal((refused.State, refused.Reason), (stillRefused.State, stillRefused.Reason));
        Assert.True(File.Exists(Path.Combine(Folder.Path, "state", "updates", "floor.json")));
    }

    [Fact]
    public async Task A_bundle_that_passes_every_check_but_fails_on_live_frames_is_rolled_back_during_probation()
    {
        await using var kit = await UpdateKit.StartAsync(bundle.Folder, new TempFolder());
        var broken = kit.Make("nan", "2.0.0", change: UpdateKit.NaNOnLiveFrames);
        using var states = Broker.Subscribe("edge/+/+/model/state", persistent: false);
        using var agent = AgentProcess.Start(["run", "--config", Config(kit, Folder, "box1", probationSeconds: 30)]);
        WaitState(states, "box1", s => s.Active == "1.0.0", agent);

        Command("box1", kit.InstallCommand("n1", broken));
        var final = WaitState(states, "box1", s => s.CommandId == "n1" && IsFinal(s.State), agent);
        var steps = States(states, "box1").Where(s => s.CommandId == "n1").Select(s => s.State).Distinct().ToList();
        await Task.Delay(TimeSpan.FromSeconds(1));
        var running = !agent.HasExited;
        agent.Terminate();

        Assert.Equal(("rolled-back", "1.0.0"), (final.State, final.Active));
        Assert.Contains("probation", steps);
        Assert.Contains("model 2.0.0 failed during probation", final.Reason, StringComparison.Ordinal);
        Assert.Contains("not a number", final.Reason, StringComparison.Ordinal);
        Assert.True(running, "the agent stopped instead of rolling back: " + string.Join("\n", agent.Errors));
        Assert.Equal(0, agent.WaitForExit(Patience));
        Assert.Equal(Path.GetFullPath(bundle.Folder), new FileInfo(Path.Combine(Folder.Path, "state", "models", "current")).LinkTarget);
    }

    [Fact]
    public async Task An_agent_that_keeps_crashing_during_probation_rolls_back_at_its_next_start_past_the_restart_limit()
    {
        await using var kit = await UpdateKit.StartAsync(bundle.Folder, new TempFolder());
        var v2 = kit.Make("good", "2.0.0");
        using var states = Broker.Subscribe("edge/+/+/model/state", persistent: false);
        // A long probation, so only the crashes can end it; two restarts allowed, the third start rolls back.
        var config = Config(kit, Folder, "box1", probationSeconds: 600, extraUpdates: ", \"probationMaxRestarts\": 2");
        using (var agent = AgentProcess.Start(["run", "--config", config]))
        {
            WaitState(states, "box1", s => s.Active == "1.0.0", agent);
            Command("box1", kit.InstallCommand("p1", v2));
            WaitState(states, "box1", s => s.CommandId == "p1" && s.State == "probation", agent);
            agent.KillHard();
        }
        for (var restart = 1; restart <= 2; restart++)
        {
            var before = states.Messages.Count;
            using var again = AgentProcess.Start(["run", "--config", config]);
            var continued = WaitState(states, "box1", s => s.CommandId == "p1" && s.State == "probation", again, skip: before);
            Assert.Contains($"continuing probation after a restart ({restart} since the switch)", continued.Reason, StringComparison.Ordinal);
            again.KillHard();
        }
        var last = states.Messages.Count;

        using var final = AgentProcess.Start(["run", "--config", config]);
        var rolledBack = WaitState(states, "box1", s => s.CommandId == "p1" && IsFinal(s.State), final, skip: last);
        final.Terminate();
        Assert.Equal(0, final.WaitForExit(Patience));

        Assert.Equal(("rolled-back", "1.0.0"), (rolledBack.State, rolledBack.Active));
        Assert.Contains("the agent restarted 2 time(s) since the switch", rolledBack.Reason, StringComparison.Ordinal);
        Assert.Equal(Path.GetFullPath(bundle.Folder), new FileInfo(Path.Combine(Folder.Path, "state", "models", "current")).LinkTarget);
    }

    [Fact]
    public async Task A_kill_9_during_the_switch_leaves_a_consistent_model_after_restart()
    {
        await using var kit = await UpdateKit.StartAsync(bundle.Folder, new TempFolder());
        var v2 = kit.Make("good", "2.0.0");
        using var states = Broker.Subscribe("edge/+/+/model/state", persistent: false);
        var config = Config(kit, Folder, "box1", probationSeconds: 2);
        using (var agent = AgentProcess.Start(["run", "--config", config]))
        {
            WaitState(states, "box1", s => s.Active == "1.0.0", agent);
            Command("box1", kit.InstallCommand("s1", v2));
            WaitState(states, "box1", s => s.CommandId == "s1" && s.State == "switching", agent);
            agent.KillHard();
        }
        var before = states.Messages.Count;

        using var restarted = AgentProcess.Start(["run", "--config", config]);
        var settled = WaitState(states, "box1", s => s.CommandId == "s1" && IsFinal(s.State), restarted, skip: before);
        restarted.Terminate();
        Assert.Equal(0, restarted.WaitForExit(Patience));

        // Whichever side of the switch the kill landed on, the reported model is the one current points at, and whole.
        var models = Path.Combine(Folder.Path, "state", "models");
        var current = new FileInfo(Path.Combine(models, "current")).LinkTarget ?? bundle.Folder;
        var opened = Bundle.Open(current);
        Assert.Equal(opened.Manifest.ModelVersion.ToString(), settled.Active);
        Assert.Contains(settled.State, new[] { "active", "failed" });
        Assert.False(File.Exists(Path.Combine(models, "switch.json")));
        Assert.Empty(Directory.Exists(Path.Combine(models, "staging")) ? Directory.GetDirectories(Path.Combine(models, "staging")) : []);
    }

    [Fact]
    public async Task A_shadow_run_refuses_a_model_that_would_flood_the_line_with_alarms_and_promotes_one_that_scores_like_the_active_one()
    {
        var calibrated = bundle.CalibratedCopy(Folder);
        await using var kit = await UpdateKit.StartAsync(calibrated, new TempFolder());
        var flood = kit.Make("flood", "2.0.0", manifest: m => m with { Thresholds = m.Thresholds! with { Image = bundle.NormalScore / 100 } });
        var calm = kit.Make("calm", "2.0.0");
        using var states = Broker.Subscribe("edge/+/+/model/state", persistent: false);
        var shadow = """, "shadow": { "seconds": 3, "minFrames": 5, "maxAlarmRateIncrease": 0.1, "maxMedianShift": 2 }""";
        using var agent = AgentProcess.Start(["run", "--config", Config(kit, Folder, "box1", model: calibrated, cameraThreshold: false, extraUpdates: shadow)]);
        WaitState(states, "box1", s => s.Active == "1.0.0", agent);

        Command("box1", kit.InstallCommand("f1", flood));
        var refused = WaitState(states, "box1", s => s.CommandId == "f1" && IsFinal(s.State), agent);
        Command("box1", kit.InstallCommand("c1", calm));
        var promoted = WaitState(states, "box1", s => s.CommandId == "c1" && IsFinal(s.State), agent);
        agent.Terminate();
        Assert.Equal(0, agent.WaitForExit(Patience));

        Assert.Equal(("failed", "1.0.0"), (refused.State, refused.Active));
        Assert.Contains("shadow run refused the new model", refused.Reason, StringComparison.Ordinal);
        Assert.Contains("maxAlarmRateIncrease", refused.Reason, StringComparison.Ordinal);
        Assert.Equal(("active", "2.0.0"), (promoted.State, promoted.Active));
        Assert.Contains("shadow", States(states, "box1").Where(s => s.CommandId == "c1").Select(s => s.State));
    }

    [Fact]
    public async Task An_archive_published_as_mqtt_chunks_by_edge_train_reaches_an_agent_without_a_model_server_and_becomes_active()
    {
        await using var kit = await UpdateKit.StartAsync(bundle.Folder, new TempFolder());
        var v2 = kit.Make("chunked", "2.0.0");
        var printed = ExternalTool.Run("dotnet", [Trainer, "publish-chunks", "--broker", $"mqtt://127.0.0.1:{Broker.Port.ToString(CultureInfo.InvariantCulture)}",
            "--archive", Path.Combine(kit.Server.Folder, "chunked.zip"), "--chunk-kb", "16"], TimeSpan.FromMinutes(2));
        var url = new Uri(printed.Split('\n').Single(l => l.StartsWith("url: ", StringComparison.Ordinal))["url: ".Length..].Trim());
        using var states = Broker.Subscribe("edge/+/+/model/state", persistent: false);
        using var agent = AgentProcess.Start(["run", "--config", Config(kit, Folder, "box1")]);
        WaitState(states, "box1", s => s.Active == "1.0.0", agent);

        Command("box1", kit.InstallCommand("m1", v2 with { Url = url }));
        var done = WaitState(states, "box1", s => s.CommandId == "m1" && IsFinal(s.State), agent);
        agent.Terminate();
        Assert.Equal(0, agent.WaitForExit(Patience));

        Assert.Equal($"mqtt-chunks:{v2.Sha256}", url.ToString());
        Assert.Contains($"({v2.Version}, {v2.Size.ToString(CultureInfo.InvariantCulture)} bytes) as {(v2.Size + 16383) / 16384} retained chunk(s) of 16 KiB", printed, StringComparison.Ordinal);
        Assert.True(v2.Size > 4 * 16384, $"the archive has {v2.Size} bytes: too few chunks to be a test of their order");
        Assert.Equal(("active", "2.0.0", null), (done.State, done.Active, done.Reason));
        Assert.Equal(["downloading", "verifying", "validating", "switching", "probation", "active"],
            States(states, "box1").Where(s => s.CommandId == "m1").Select(s => s.State).Distinct());
        Assert.Empty(kit.Server.Requests);
        Assert.Empty(Directory.GetFiles(Path.Combine(Folder.Path, "state", "models", "staging")));
    }

    private static bool IsFinal(string state) => state is "active" or "failed" or "rolled-back";

    private string Config(UpdateKit kit, TempFolder folder, string device, double probationSeconds = 2, string? model = null, bool cameraThreshold = true, string extraUpdates = "")
    {
        var frames = Path.Combine(folder.Path, "frames");
        Directory.CreateDirectory(frames);
        // One second of the normal scene, then half a second of the defect, looped: an alarm starts and ends each loop.
        for (var i = 0; i < 15; i++)
        {
            File.Copy(i < 10 ? bundle.NormalImage : bundle.DefectImage, Path.Combine(frames, $"f{i:D2}.png"), overwrite: true);
        }
        var threshold = cameraThreshold ? ", \"threshold\": " + bundle.Threshold.ToString("R", CultureInfo.InvariantCulture) : "";
        return AgentConfigFile.Write(folder, Broker.Port,
            cameras: $$"""[ { "name": "line1", "folder": "{{frames}}", "framesPerSecond": 10, "health": false{{threshold}} } ]""",
            model: model ?? bundle.Folder,
            alarms: """{ "holdSeconds": 0.2, "cooldownSeconds": 0, "hysteresis": 0.05 }""",
            updates: $$"""{ "trustedKeys": ["{{kit.PublicKeyPath}}"], "archiveHosts": ["127.0.0.1"], "probationSeconds": {{probationSeconds.ToString(CultureInfo.InvariantCulture)}}, "replayWindowMinutes": 10{{extraUpdates}} }""",
            device: device);
    }

    private void Command(string device, string json) =>
        ExternalTool.Run("mosquitto_pub", ["-h", "127.0.0.1", "-p", Broker.Port.ToString(CultureInfo.InvariantCulture), "-q", "1", "-t", $"edge/plant1/{device}/cmd/model", "-m", json]);

    private static List<StateMessage> States(MosquittoSubscription states, string device, int skip = 0) => states.Messages.Skip(skip)
        .Where(m => m.Topic == $"edge/plant1/{device}/model/state")
        .Select(m => JsonSerializer.Deserialize<StateMessage>(m.Payload, new JsonSerializerOptions(JsonSerializerDefaults.Web))!)
        .ToList();

    private static StateMessage WaitState(MosquittoSubscription states, string device, Func<StateMessage, bool> wanted, AgentProcess agent, int skip = 0)
    {
        try
        {
            states.WaitUntil(_ => States(states, device, skip).Any(wanted) || agent.HasExited, UpdatePatience);
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException(e.Message + "\nagent stderr:\n" + string.Join("\n", agent.Errors.TakeLast(30)), e);
        }
        return States(states, device, skip).FirstOrDefault(wanted)
            ?? throw new InvalidOperationException($"the agent for {device} exited ({agent.WaitForExit(TimeSpan.Zero)}): " + string.Join("\n", agent.Errors.TakeLast(30)));
    }

    private sealed record StateMessage(string? Active, string State, string? Reason, string? Target, string? CommandId, string? Floor);
}
