using Edge.Agent.Configuration;
using Edge.Agent.Tests.Pipeline;
using Edge.Agent.Tests.Support;
using Edge.Agent.Updates;
using Edge.Agent.Updates.Install;
using Edge.Inference.Sessions;
using Microsoft.Extensions.Logging.Abstractions;

namespace Edge.Agent.Tests.Updates;

/// <summary>Validation of a verified bundle before it may go live, on the trained bundle and real ONNX Runtime.</summary>
[Collection(TrainedBundleCollection.Name)]
public sealed class CandidateCheckTests(TrainedBundle bundle)
{
    private static AgentConfig Config(double latencyBudgetMs = 0, params CameraConfig[] cameras) => new()
    {
        Site = "s", Device = "d", StateDirectory = Path.GetTempPath(),
        OnnxRuntime = new OnnxRuntimeConfig { Providers = [ExecutionProvider.Cpu] },
        Updates = new UpdatesConfig { LatencyBudgetMs = latencyBudgetMs },
        Cameras = cameras,
    };

    private static AgentConfig WithoutCameras(double? alarmThreshold) => Config() with { Alarms = new AlarmConfig { Threshold = alarmThreshold } };

    private static CameraConfig Camera(double? threshold = null, string? productClass = null) =>
        new() { Name = "line1", Source = new Edge.Agent.Cameras.Sources.Folder.FolderSourceSettings("/frames"), Threshold = threshold, ProductClass = productClass };

    [Fact]
    public void A_bundle_within_budget_with_a_threshold_for_every_camera_is_loaded_ready_to_swap_in()
    {
        using var model = CandidateCheck.Load(bundle.Folder, Config(60_000, Camera(threshold: 0.5, productClass: "weave")), NullLogger.Instance);

        Assert.Equal("1.0.0", model.Version);
        Assert.True(model.CheckTime > TimeSpan.Zero);
    }

    [Fact]
    public void A_detection_slower_than_the_latency_budget_fails_validation_with_both_figures()
    {
        var error = Assert.Throws<UpdateException>(() => CandidateCheck.Load(bundle.Folder, Config(0.000_001, Camera(threshold: 0.5)), NullLogger.Instance));

        Assert.Contains("validation failed: one detection of model 1.0.0 took", error.Message, StringComparison.Ordinal);
        Assert.Contains("over the 1E-06 ms budget (updates.latencyBudgetMs)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_uncalibrated_bundle_without_a_camera_threshold_or_a_class_the_bundle_lacks_fails_validation()
    {
        var unset = Assert.Throws<UpdateException>(() => CandidateCheck.Load(bundle.Folder, Config(0, Camera()), NullLogger.Instance));
        var wrongClass = Assert.Throws<UpdateException>(() => CandidateCheck.Load(bundle.Folder, Config(0, Camera(threshold: 0.5, productClass: "bottle")), NullLogger.Instance));

        Assert.StartsWith("validation failed: camera line1: the bundle 1.0.0 is not calibrated and no threshold is configured", unset.Message, StringComparison.Ordinal);
        Assert.Contains("class 'bottle' is not one of the bundle's product classes (grain, weave)", wrongClass.Message, StringComparison.Ordinal);
    }

    // Accepted here, such a bundle would go live and then stop the agent's next start, which refuses it (CameraScorer.Check).
    [Fact]
    public void Without_cameras_an_uncalibrated_bundle_fails_validation_unless_alarms_threshold_is_set_and_a_calibrated_one_passes()
    {
        using var temp = new Edge.Testing.TempFolder();

        var uncalibrated = Assert.Throws<UpdateException>(() => CandidateCheck.Load(bundle.Folder, WithoutCameras(alarmThreshold: null), NullLogger.Instance));
        using var withThreshold = CandidateCheck.Load(bundle.Folder, WithoutCameras(alarmThreshold: 0.5), NullLogger.Instance);
        using var calibrated = CandidateCheck.Load(bundle.CalibratedCopy(temp), WithoutCameras(alarmThreshold: null), NullLogger.Instance);

        Assert.StartsWith("validation failed: the bundle 1.0.0 is not calibrated and no threshold is configured", uncalibrated.Message, StringComparison.Ordinal);
        Assert.Equal("1.0.0", withThreshold.Version);
        Assert.NotNull(calibrated.ImageThreshold);
    }
}
