using Edge.Agent.Tests.Support;
using Edge.Testing;

namespace Edge.Agent.Tests.Pipeline;

/// <summary>
/// The shipped programs that load ONNX Runtime (edge-agent scoring a bundle, edge-train evaluating one), each run in a
/// fresh home: ONNX Runtime's telemetry never starts, so it leaves no device id or event queue there.
/// </summary>
[Collection(TrainedBundleCollection.Name)]
public sealed class OrtTelemetryProcessTests(TrainedBundle bundle)
{
    private static readonly string Trainer = Path.Combine(AppContext.BaseDirectory, "edge-train.dll");

    [Fact]
    public void Edge_agent_score_leaves_nothing_in_onnx_runtime_s_telemetry_folder()
    {
        using var folder = new TempFolder();
        using var home = new ScratchHome();

        var output = home.Run("dotnet", [AgentProcess.AgentDll, "score", "--bundle", bundle.CalibratedCopy(folder), bundle.NormalImage]);

        Assert.Contains("\"modelVersion\":\"1.0.0\"", output, StringComparison.Ordinal);
        Assert.Empty(home.TelemetryFiles);
    }

    [Fact]
    public void Edge_train_evaluate_leaves_nothing_in_onnx_runtime_s_telemetry_folder()
    {
        using var folder = new TempFolder();
        using var home = new ScratchHome();
        var data = folder.File("data");
        ExternalTool.Run("dotnet", [Trainer, "synth", "--out", data, "--count", "2", "--test-count", "1", "--size", TrainedBundle.Size.ToString(System.Globalization.CultureInfo.InvariantCulture)]);

        var output = home.Run("dotnet", [Trainer, "evaluate", "--bundle", bundle.CalibratedCopy(folder), "--data", data], TimeSpan.FromMinutes(3));

        Assert.Contains("image_auroc", output, StringComparison.Ordinal);
        Assert.Empty(home.TelemetryFiles);
    }
}
