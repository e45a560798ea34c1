using Edge.Agent.Health;
using Edge.Agent.Updates;

namespace Edge.Agent.Tests.Updates;

public sealed class ProbationHealthTests
{
    private static HealthReport Report(long frames, string state = "Streaming", double? p99 = 5) => new()
    {
        Time = DateTime.UtcNow, State = "ok", UptimeSeconds = 1, Fps = 10, DroppedFrames = 0, OutboxDepth = 0, OutboxEvicted = 0, InferenceP99Ms = p99,
        Cameras = new Dictionary<string, CameraHealthEntry> { ["line1"] = new(state, 10, frames, 0, "") },
    };

    [Fact]
    public void Frames_scored_within_budget_pass()
    {
        Assert.Null(ProbationHealth.Problem(Report(100), Report(160), scoring: true, latencyBudgetMs: 20, "2.0.0"));
    }

    [Fact]
    public void No_frame_scored_while_a_camera_streamed_fails_naming_the_camera()
    {
        var problem = ProbationHealth.Problem(Report(100), Report(100), scoring: true, latencyBudgetMs: 0, "2.0.0");

        Assert.Equal("model 2.0.0 scored no frame during probation although camera(s) line1 streamed", problem);
    }

    [Fact]
    public void A_camera_that_was_not_streaming_is_not_the_model_s_fault()
    {
        Assert.Null(ProbationHealth.Problem(Report(100), Report(100, state: "Reconnecting, retry in 2 s"), scoring: true, latencyBudgetMs: 0, "2.0.0"));
    }

    [Fact]
    public void An_inference_p99_over_the_latency_budget_fails_with_both_figures()
    {
        var problem = ProbationHealth.Problem(Report(100), Report(160, p99: 31.24), scoring: true, latencyBudgetMs: 20, "2.0.0");

        Assert.Equal("model 2.0.0 took 31.2 ms per frame (p99) during probation, over the 20 ms budget (updates.latencyBudgetMs)", problem);
    }

    [Fact]
    public void Without_a_scoring_pipeline_there_is_nothing_to_check()
    {
        Assert.Null(ProbationHealth.Problem(Report(100), Report(100, p99: 500), scoring: false, latencyBudgetMs: 20, "2.0.0"));
    }
}
