using Edge.Agent.Tests.Support;

namespace Edge.Agent.Tests.Pipeline;

/// <summary>
/// The agent process refusing a bundle it cannot alarm with: in one line, before it connects to the (real) broker, so
/// that the fleet never sees a device announce itself online and then die; with cameras or without.
/// </summary>
[Collection(TrainedBundleCollection.Name)]
public sealed class BundleRefusalProcessTests(TrainedBundle bundle) : BrokerTest
{
    private const string ClientId = "edge-agent-plant1-box1";

    private const string OneCamera = """[ { "name": "line1", "ffmpeg": "-re -f lavfi -i testsrc=size=32x32:rate=10" } ]""";

    [Theory]
    [InlineData(OneCamera, "camera line1: the bundle 1.0.0 is not calibrated")]
    [InlineData("[]", "the bundle 1.0.0 is not calibrated")]
    public void An_uncalibrated_bundle_is_refused_in_one_line_before_the_agent_connects_with_cameras_or_without(string cameras, string refusal)
    {
        var config = AgentConfigFile.Write(Folder, Broker.Port, cameras: cameras, model: bundle.Folder);

        var (code, _, errors) = AgentProcess.Run("run", "--config", config);

        Assert.Equal(1, code);
        AssertRefusedInOneLine(
            $"edge-agent run: cannot start: {refusal} and no threshold is configured; run 'edge-train calibrate' on the bundle or set alarms.threshold or cameras[].threshold",
            errors);
        Assert.DoesNotContain($"as {ClientId}", Broker.Log, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(OneCamera, "encoder.onnx")]
    [InlineData("[]", "decoder.onnx")]
    public void A_damaged_bundle_is_refused_in_one_line_naming_the_damaged_file_with_cameras_or_without(string cameras, string damagedFile)
    {
        var damaged = bundle.CalibratedCopy(Folder);
        using (var stream = File.OpenWrite(Path.Combine(damaged, damagedFile)))
        {
            stream.Position = 10;
            stream.WriteByte(0x42);
        }
        var config = AgentConfigFile.Write(Folder, Broker.Port, cameras: cameras, model: damaged);

        var (code, _, errors) = AgentProcess.Run("run", "--config", config);

        Assert.Equal(1, code);
        Assert.StartsWith("edge-agent run: cannot start: the model bundle", errors, StringComparison.Ordinal);
        Assert.Contains(damagedFile, errors, StringComparison.Ordinal);
        Assert.Single(errors.Split('\n'));
        Assert.DoesNotContain($"as {ClientId}", Broker.Log, StringComparison.Ordinal);
    }

    [Fact]
    public void With_no_cameras_a_calibrated_bundle_is_checked_and_the_agent_runs_idle()
    {
        var config = AgentConfigFile.Write(Folder, Broker.Port, model: bundle.CalibratedCopy(Folder));
        using var status = Broker.Subscribe("edge/plant1/box1/status", persistent: false);
        using var agent = AgentProcess.Start(["run", "--config", config]);

        status.WaitUntil(m => m.Any(x => x.Payload == "online"), Patience);
        agent.Terminate();

        Assert.Equal(0, agent.WaitForExit(Patience));
        Assert.DoesNotContain(agent.Errors, line => line.Contains("No model bundle", StringComparison.Ordinal));
    }

    // The refusal is the last line; before it only the model loader's warnings (execution providers this ONNX Runtime lacks).
    private static void AssertRefusedInOneLine(string refusal, string errors)
    {
        var lines = errors.Split('\n');
        Assert.Equal(refusal, lines[^1]);
        Assert.All(lines[..^1], line => Assert.Contains(" warn: Edge.Agent.Model[0] Skipping ", line, StringComparison.Ordinal));
    }
}
