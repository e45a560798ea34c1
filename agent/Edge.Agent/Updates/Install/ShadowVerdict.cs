using System.Globalization;
using Edge.Agent.Configuration;
using Edge.Agent.Pipeline;

namespace Edge.Agent.Updates.Install;

/// <summary>Judges a shadow run: the candidate is promoted only if it scored enough frames and stayed within the bounds.</summary>
public sealed record ShadowVerdict(bool Promote, string Summary)
{
    public static ShadowVerdict Judge(ShadowRecording recording, ShadowConfig bounds)
    {
        ArgumentNullException.ThrowIfNull(recording);
        ArgumentNullException.ThrowIfNull(bounds);
        if (recording.Fault is { } fault)
        {
            return new(false, $"the new model failed during the shadow run: {fault}");
        }
        var (active, candidate) = recording.Scores();
        if (candidate.Count < bounds.MinFrames)
        {
            return new(false, $"the shadow run scored {candidate.Count} frame(s), fewer than the {bounds.MinFrames} needed for a verdict (updates.shadow.minFrames)");
        }
        var activeRate = AlarmRate(active);
        var candidateRate = AlarmRate(candidate);
        var activeMedian = Median(active);
        var candidateMedian = Median(candidate);
        var figures = string.Create(CultureInfo.InvariantCulture,
            $"on {candidate.Count} frames the new model was over its threshold on {candidateRate:P1} (active {activeRate:P1}), median score {candidateMedian:F2} of its threshold (active {activeMedian:F2})");
        if (candidateRate - activeRate > bounds.MaxAlarmRateIncrease)
        {
            return new(false, $"shadow run refused the new model: {figures}; its alarm rate may exceed the active one's by {bounds.MaxAlarmRateIncrease:P1} at most (updates.shadow.maxAlarmRateIncrease)");
        }
        if (Math.Abs(candidateMedian - activeMedian) > bounds.MaxMedianShift)
        {
            return new(false, $"shadow run refused the new model: {figures}; the medians may differ by {bounds.MaxMedianShift:F2} at most (updates.shadow.maxMedianShift)");
        }
        return new(true, $"shadow run passed: {figures}");
    }

    /// <summary>Share of frames over the threshold (relative score above 1).</summary>
    public static double AlarmRate(IReadOnlyList<double> relative) => relative.Count == 0 ? 0 : relative.Count(s => s > 1.0) / (double)relative.Count;

    public static double Median(IReadOnlyList<double> values)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }
        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
