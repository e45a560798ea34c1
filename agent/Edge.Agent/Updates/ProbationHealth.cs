using System.Globalization;
using Edge.Agent.Health;

namespace Edge.Agent.Updates;

/// <summary>
/// The health checks a new model must pass at the end of its probation, besides scoring every frame without failing:
/// frames kept being scored while cameras streamed, and inference stayed within the latency budget.
/// </summary>
public static class ProbationHealth
{
    /// <returns>Why the probation fails, or null when the model is healthy.</returns>
    /// <param name="before">Health when the probation began.</param>
    /// <param name="after">Health at its end.</param>
    /// <param name="scoring">Whether a pipeline scores frames with the model (an agent without cameras has nothing to check).</param>
    public static string? Problem(HealthReport before, HealthReport after, bool scoring, double latencyBudgetMs, string version)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        if (!scoring)
        {
            return null;
        }
        var streaming = after.Cameras.Where(c => c.Value.State.StartsWith("Streaming", StringComparison.Ordinal)).Select(c => c.Key).ToList();
        var scored = after.Cameras.Sum(c => c.Value.FramesProcessed) - before.Cameras.Sum(c => c.Value.FramesProcessed);
        if (streaming.Count > 0 && scored == 0)
        {
            return $"model {version} scored no frame during probation although camera(s) {string.Join(", ", streaming)} streamed";
        }
        if (latencyBudgetMs > 0 && after.InferenceP99Ms is { } p99 && p99 > latencyBudgetMs)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"model {version} took {p99:F1} ms per frame (p99) during probation, over the {latencyBudgetMs} ms budget (updates.latencyBudgetMs)");
        }
        return null;
    }
}
