using Edge.Agent.Configuration;
using Edge.Agent.Pipeline;
using Edge.Agent.Updates.Install;

namespace Edge.Agent.Tests.Updates;

public sealed class ShadowVerdictTests
{
    private static readonly ShadowConfig Bounds = new() { Seconds = 1, MinFrames = 4, MaxAlarmRateIncrease = 0.1, MaxMedianShift = 0.3 };

    [Fact]
    public void A_candidate_scoring_like_the_active_model_is_promoted()
    {
        var verdict = ShadowVerdict.Judge(Recording((0.5, 0.6), (0.4, 0.5), (0.6, 0.55), (0.5, 0.45)), Bounds);

        Assert.True(verdict.Promote, verdict.Summary);
        Assert.Contains("on 4 frames", verdict.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void A_candidate_that_would_alarm_on_half_the_frames_is_refused()
    {
        // Candidate over its threshold (relative score > 1) on 2 of 4 frames, the active one on none: +50 % > 10 %.
        var verdict = ShadowVerdict.Judge(Recording((0.5, 1.2), (0.4, 1.1), (0.6, 0.7), (0.5, 0.6)), Bounds);

        Assert.False(verdict.Promote);
        Assert.Contains("over its threshold on 50.0 % (active 0.0 %)", verdict.Summary, StringComparison.Ordinal);
        Assert.Contains("maxAlarmRateIncrease", verdict.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void A_candidate_whose_median_moved_is_refused_even_without_alarms()
    {
        // Medians: active (0.1, 0.2, 0.2, 0.3) -> 0.2; candidate (0.7, 0.8, 0.8, 0.9) -> 0.8; shift 0.6 > 0.3.
        var verdict = ShadowVerdict.Judge(Recording((0.1, 0.7), (0.2, 0.8), (0.2, 0.8), (0.3, 0.9)), Bounds);

        Assert.False(verdict.Promote);
        Assert.Contains("median score 0.80 of its threshold (active 0.20)", verdict.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Too_few_frames_or_a_fault_give_no_promotion()
    {
        var few = ShadowVerdict.Judge(Recording((0.5, 0.5)), Bounds);
        var faulted = Recording((0.5, 0.5), (0.5, 0.5), (0.5, 0.5), (0.5, 0.5));
        faulted.Failed("camera a: boom");

        Assert.False(few.Promote);
        Assert.Contains("scored 1 frame(s), fewer than the 4", few.Summary, StringComparison.Ordinal);
        Assert.Contains("camera a: boom", ShadowVerdict.Judge(faulted, Bounds).Summary, StringComparison.Ordinal);
    }

    private static ShadowRecording Recording(params (double Active, double Candidate)[] frames)
    {
        var recording = new ShadowRecording();
        foreach (var (active, candidate) in frames)
        {
            recording.Add(active, candidate);
        }
        return recording;
    }
}
