using System.Globalization;
using System.Text;
using Edge.Agent.Health;
using Edge.Detection;

namespace Edge.Agent.Http;

/// <summary>The health report in Prometheus' text exposition format (version 0.0.4): HELP and TYPE per family, escaped labels.</summary>
public static class PrometheusText
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    public static string Format(HealthReport report, bool ready, IReadOnlyDictionary<string, (double Score, double Threshold, DateTime TimeUtc)> scores)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        Family(text, "edge_agent_ready", "gauge", "1 once cameras and model are up.", [("", ready ? 1 : 0)]);
        Family(text, "edge_agent_uptime_seconds", "gauge", "Seconds since the agent started.", [("", report.UptimeSeconds)]);
        Family(text, "edge_agent_fps", "gauge", "Frames processed per second, all cameras.", [("", report.Fps)]);
        Family(text, "edge_agent_inference_p50_milliseconds", "gauge", "Median time to score a frame, recent frames.", report.InferenceP50Ms is { } p50 ? [("", p50)] : []);
        Family(text, "edge_agent_inference_p99_milliseconds", "gauge", "99th percentile time to score a frame, recent frames.", report.InferenceP99Ms is { } p99 ? [("", p99)] : []);
        Family(text, "edge_agent_dropped_frames_total", "counter", "Frames dropped because scoring fell behind capture.", [("", report.DroppedFrames)]);
        Family(text, "edge_agent_outbox_depth", "gauge", "Alarm messages waiting for the broker's acknowledgement.", [("", report.OutboxDepth)]);
        Family(text, "edge_agent_outbox_evicted_total", "counter", "Alarm messages evicted from a full outbox.", [("", report.OutboxEvicted)]);
        Family(text, "edge_agent_model_info", "gauge", "The model running, as labels.",
            report.ModelVersion is null ? [] : [(Labels(("version", report.ModelVersion), ("provider", report.ExecutionProvider ?? "")), 1.0)]);
        // This process's own memory, so a slow leak shows on the dashboard (and in the soak benchmark): resident set
        // (what the kernel counts, native allocations included) and the managed heap (what the GC holds).
        Family(text, "edge_agent_resident_bytes", "gauge", "Resident memory of the agent process.", [("", Environment.WorkingSet)]);
        Family(text, "edge_agent_managed_heap_bytes", "gauge", "Bytes the .NET garbage collector holds allocated.", [("", GC.GetTotalMemory(forceFullCollection: false))]);
        var cameras = report.Cameras.OrderBy(c => c.Key, StringComparer.Ordinal).ToList();
        Family(text, "edge_camera_fps", "gauge", "Frames processed per second, per camera.", cameras.Select(c => (Labels(("camera", c.Key)), c.Value.Fps)));
        Family(text, "edge_camera_frames_total", "counter", "Frames processed, per camera.", cameras.Select(c => (Labels(("camera", c.Key)), (double)c.Value.FramesProcessed)));
        Family(text, "edge_camera_dropped_frames_total", "counter", "Frames dropped, per camera.", cameras.Select(c => (Labels(("camera", c.Key)), (double)c.Value.DroppedFrames)));
        Family(text, "edge_camera_state", "gauge", "1 for the camera's current state.", cameras.Select(c => (Labels(("camera", c.Key), ("state", c.Value.State)), 1.0)));
        var scored = scores.OrderBy(s => s.Key, StringComparer.Ordinal).ToList();
        Family(text, "edge_camera_score", "gauge", "Anomaly score of the camera's latest frame.", scored.Select(s => (Labels(("camera", s.Key)), s.Value.Score)));
        Family(text, "edge_camera_threshold", "gauge", "Alarm threshold in force for the camera.", scored.Select(s => (Labels(("camera", s.Key)), s.Value.Threshold)));
        Family(text, "edge_camera_normalized_score", "gauge", "Latest frame's score over the threshold: 1 at the threshold, whatever the model.",
            scored.Select(s => (Labels(("camera", s.Key)), NormalizedScore.Of(s.Value.Score, s.Value.Threshold))));
        return text.ToString();
    }

    /// <summary>Label values escape backslash, double quote and line feed, as the format requires.</summary>
    public static string Labels(params (string Name, string Value)[] labels) =>
        "{" + string.Join(",", labels.Select(l => $"{l.Name}=\"{l.Value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal)}\"")) + "}";

    private static void Family(StringBuilder text, string name, string type, string help, IEnumerable<(string Labels, double Value)> samples)
    {
        text.Append(CultureInfo.InvariantCulture, $"# HELP {name} {help}\n# TYPE {name} {type}\n");
        foreach (var (labels, value) in samples)
        {
            text.Append(CultureInfo.InvariantCulture, $"{name}{labels} {Number(value)}\n");
        }
    }

    private static string Number(double value) => double.IsNaN(value) ? "NaN"
        : double.IsPositiveInfinity(value) ? "+Inf"
        : double.IsNegativeInfinity(value) ? "-Inf"
        : value.ToString("R", CultureInfo.InvariantCulture);
}
