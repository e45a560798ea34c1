using Edge.Agent.Health;

namespace Edge.Agent.Tests.Health;

public class HealthMetricsTests
{
    [Fact]
    public void Inference_percentiles_are_nearest_rank_over_recorded_times()
    {
        var metrics = new HealthMetrics();
        for (var ms = 1; ms <= 100; ms++)
        {
            metrics.InferenceTime(TimeSpan.FromMilliseconds(101 - ms));
        }

        var report = metrics.Snapshot("running");

        Assert.Equal(50, report.InferenceP50Ms);
        Assert.Equal(99, report.InferenceP99Ms);
    }

    [Fact]
    public void Cameras_outbox_and_model_figures_appear_in_the_report()
    {
        var metrics = new HealthMetrics { ModelVersion = "2025.03", ExecutionProvider = "Cpu" };
        metrics.AddCamera("idle");
        for (var i = 0; i < 5; i++)
        {
            metrics.FrameProcessed("busy");
        }
        metrics.FramesDropped("busy", 7);
        metrics.CameraState("busy", "Streaming");
        metrics.Outbox(depth: 3, evicted: 2);

        var report = metrics.Snapshot("running");

        Assert.Null(report.InferenceP50Ms);
        Assert.Equal(["busy", "idle"], report.Cameras.Keys);
        Assert.Equal(5, report.Cameras["busy"].FramesProcessed);
        Assert.Equal(7, report.Cameras["busy"].DroppedFrames);
        Assert.Equal("Streaming", report.Cameras["busy"].State);
        Assert.Equal("starting", report.Cameras["idle"].State);
        Assert.Equal(0, report.Cameras["idle"].Fps);
        Assert.True(report.Cameras["busy"].Fps > 0);
        Assert.Equal(7, report.DroppedFrames);
        Assert.Equal(3, report.OutboxDepth);
        Assert.Equal(2, report.OutboxEvicted);
        Assert.Equal("2025.03", report.ModelVersion);
        Assert.Equal("Cpu", report.ExecutionProvider);
    }
}
