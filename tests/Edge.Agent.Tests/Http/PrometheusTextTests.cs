using System.Text.RegularExpressions;
using Edge.Agent.Health;
using Edge.Agent.Http;

namespace Edge.Agent.Tests.Http;

public sealed partial class PrometheusTextTests
{
    // A sample line of the text format: name, optional {label="value",...} with \\ \" \n escapes, a float.
    [GeneratedRegex("""^[a-zA-Z_:][a-zA-Z0-9_:]*(\{([a-zA-Z_][a-zA-Z0-9_]*="([^"\\\n]|\\\\|\\"|\\n)*",?)*\})? (NaN|[+-]Inf|-?[0-9.]+(e[+-]?[0-9]+)?)$""")]
    private static partial Regex Sample();

    private static HealthReport Report() => new()
    {
        Time = DateTime.UnixEpoch,
        State = "running",
        UptimeSeconds = 12.5,
        Fps = 9.75,
        InferenceP50Ms = 3.25,
        InferenceP99Ms = 7,
        DroppedFrames = 4,
        OutboxDepth = 2,
        OutboxEvicted = 0,
        ModelVersion = "1.4.0",
        ExecutionProvider = "Cpu",
        Cameras = new Dictionary<string, CameraHealthEntry>
        {
            ["line1"] = new("Streaming", 9.75, 100, 4, ""),
            ["odd\"cam\\"] = new("Reconnecting: ffmpeg exited\nagain", 0, 0, 0, ""),
        },
    };

    [Fact]
    public void Every_line_is_a_help_a_type_or_a_well_formed_sample_and_every_family_has_both_headers()
    {
        var text = PrometheusText.Format(Report(), ready: true, new Dictionary<string, (double, double, DateTime)> { ["line1"] = (0.5, 0.8, DateTime.UnixEpoch) });

        Assert.EndsWith("\n", text, StringComparison.Ordinal);
        var lines = text.TrimEnd('\n').Split('\n');
        foreach (var line in lines)
        {
            Assert.True(line.StartsWith("# HELP ", StringComparison.Ordinal) || line.StartsWith("# TYPE ", StringComparison.Ordinal) || Sample().IsMatch(line), line);
        }
        foreach (var name in lines.Where(l => !l.StartsWith('#')).Select(l => l.Split('{', ' ')[0]).Distinct())
        {
            Assert.Contains($"# TYPE {name} ", text, StringComparison.Ordinal);
            Assert.Contains($"# HELP {name} ", text, StringComparison.Ordinal);
        }
        Assert.Contains("edge_agent_ready 1\n", text, StringComparison.Ordinal);
        Assert.Contains("edge_camera_fps{camera=\"line1\"} 9.75\n", text, StringComparison.Ordinal);
        Assert.Contains("edge_agent_model_info{version=\"1.4.0\",provider=\"Cpu\"} 1\n", text, StringComparison.Ordinal);
        Assert.Contains("edge_camera_score{camera=\"line1\"} 0.5\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_process_resident_memory_and_managed_heap_are_reported_in_bytes()
    {
        var text = PrometheusText.Format(Report(), ready: true, new Dictionary<string, (double, double, DateTime)>());

        var resident = Value(text, "edge_agent_resident_bytes");
        var heap = Value(text, "edge_agent_managed_heap_bytes");

        Assert.InRange(resident, 10e6, 100e9);
        Assert.InRange(heap, 1e3, resident);
    }

    private static double Value(string text, string name) =>
        double.Parse(text.Split('\n').Single(l => l.StartsWith(name + " ", StringComparison.Ordinal))[(name.Length + 1)..], System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Label_values_escape_backslashes_quotes_and_line_feeds()
    {
        var text = PrometheusText.Format(Report(), ready: false, new Dictionary<string, (double, double, DateTime)>());

        Assert.Contains("edge_camera_state{camera=\"odd\\\"cam\\\\\",state=\"Reconnecting: ffmpeg exited\\nagain\"} 1\n", text, StringComparison.Ordinal);
        Assert.Contains("edge_agent_ready 0\n", text, StringComparison.Ordinal);
    }
}
