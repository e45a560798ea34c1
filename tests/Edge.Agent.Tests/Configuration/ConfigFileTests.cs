using Edge.Agent.Cameras.Frames;
using Edge.Agent.Cameras.Sources.Ffmpeg;
using Edge.Agent.Cameras.Sources.Folder;
using Edge.Agent.Cameras.Sources.V4l2;
using Edge.Agent.Configuration;
using Edge.Inference.Sessions;

namespace Edge.Agent.Tests.Configuration;

public class ConfigFileTests
{
    private const string Minimal = """
        { "site": "plant1", "device": "box1", "stateDirectory": "/var/lib/edge-agent",
          "mqtt": { "host": "127.0.0.1", "port": 1883 },
          "model": { "bundle": "/path/to/bundle" },
          "http": { "port": 8080 },
          "cameras": [ { "name": "line1", "ffmpeg": "-re -i clip.mp4" } ] }
        """;

    private static readonly Dictionary<string, string> NoEnvironment = [];

    private static AgentConfig Parse(string json, Dictionary<string, string>? environment = null) =>
        ConfigFile.Parse(json, "agent.json", environment ?? NoEnvironment);

    private static List<string> ProblemsOf(string json, Dictionary<string, string>? environment = null) =>
        Assert.Throws<ConfigException>(() => Parse(json, environment)).Problems.Select(p => p.ToString()).ToList();

    [Fact]
    public void The_minimal_file_of_the_issue_validates_as_written_with_defaults_for_the_rest()
    {
        var config = Parse(Minimal);

        Assert.Equal("plant1", config.Site);
        Assert.Equal("box1", config.Device);
        Assert.Equal("127.0.0.1", config.Mqtt.Host);
        Assert.Equal(1883, config.Mqtt.Port);
        Assert.Equal(MqttProtocol.V500, config.Mqtt.Protocol);
        Assert.Equal("edge-agent-plant1-box1", config.Mqtt.ClientId);
        Assert.Equal(30, config.Mqtt.KeepAliveSeconds);
        Assert.False(config.Mqtt.Tls.Enabled);
        Assert.Equal("/path/to/bundle", config.Model.Bundle);
        Assert.Equal(8080, config.Http.Port);
        Assert.Equal("127.0.0.1", config.Http.Bind);
        Assert.Equal("/var/lib/edge-agent/outbox.db", config.OutboxPath);
        Assert.Equal([ExecutionProvider.TensorRt, ExecutionProvider.Cuda, ExecutionProvider.Cpu], config.OnnxRuntime.Providers);
        var camera = Assert.Single(config.Cameras);
        Assert.Equal("line1", camera.Name);
        Assert.Equal(new FfmpegSourceSettings("-re -i clip.mp4"), camera.Source);
        Assert.Null(camera.Threshold);
        Assert.Empty(camera.Roi);
    }

    [Fact]
    public void Comments_and_trailing_commas_are_accepted()
    {
        var config = Parse("""
            // a comment before
            { "site": "a", "device": "b", /* inline */ "mqtt": { "host": "h", },
              "model": { "bundle": "/b" }, "cameras": [], }
            """);

        Assert.Equal("h", config.Mqtt.Host);
        Assert.Empty(config.Cameras);
    }

    [Fact]
    public void Every_problem_is_reported_with_its_json_path()
    {
        var problems = ProblemsOf("""
            { "site": "plant/1", "stateDirectory": "relative",
              "mqtt": { "host": "h", "port": 70000, "protocol": "4", "hots": "typo", "keepAliveSeconds": "soon" },
              "model": { },
              "http": { "bind": "everywhere" },
              "alarms": { "debounce": { "k": 6, "n": 5 }, "hysteresis": 1.5 },
              "onnxRuntime": { "providers": ["Cuda", "Gpu", "Cuda"] },
              "cameras": [
                { "name": "a", "ffmpeg": "-i x", "v4l2": "/dev/video0" },
                { "name": "b", "folder": "/frames", "bufferCount": 3, "roi": [[[0, 0], [1, 1]]], "crop": [0, 0, 0, 5] },
                { "folder": "/f" },
                7 ] }
            """);

        Assert.Equal(
            [
                "$.site: must be one MQTT topic level: no '/', '+', '#' or spaces",
                "$.device: is required",
                "$.stateDirectory: must be an absolute path",
                "$.mqtt.port: must be 1..65535",
                "$.mqtt.protocol: must be one of \"5\", \"3.1.1\"",
                "$.mqtt.keepAliveSeconds: must be an integer 0..65535",
                "$.mqtt.hots: unknown key (known here: tls, host, port, protocol, username, password, keepAliveSeconds, clientId, reconnectMinSeconds, reconnectMaxSeconds)",
                "$.alarms.debounce.k: must not exceed n",
                "$.alarms.hysteresis: must be 0..0.99",
                "$.model.bundle: is required",
                "$.http.bind: must be an IP address such as 127.0.0.1, 0.0.0.0 or ::1",
                "$.onnxRuntime.providers[1]: must be \"TensorRt\", \"Cuda\" or \"Cpu\"",
                "$.onnxRuntime.providers[2]: Cuda is listed twice",
                "$.cameras[0]: has ffmpeg and v4l2: exactly one source per camera",
                "$.cameras[1].bufferCount: is only for v4l2 cameras",
                "$.cameras[1].roi[0]: must be a list of at least 3 [x, y] points",
                "$.cameras[1].crop: must be [x, y, width, height] in frame pixels: whole numbers, x and y >= 0, width and height > 0",
                "$.cameras[2].name: is required",
                "$.cameras[3]: must be an object",
            ],
            problems);
    }

    [Fact]
    public void Malformed_json_is_one_problem_with_its_line()
    {
        var problems = ProblemsOf("{ \"site\": \"a\",\n  \"device\": }");

        var problem = Assert.Single(problems);
        Assert.Contains("not valid JSON at line 2", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void The_variables_of_edges_other_tools_are_not_taken_for_configuration_overrides()
    {
        var config = Parse(Minimal, new Dictionary<string, string>
        {
            ["EDGE_ORT_LIBRARY"] = "/opt/ort/libonnxruntime.so",
            ["EDGE_TORCH_SHIM"] = "/build/libedge_torch.so",
            ["EDGE_DEMO_MINUTES"] = "1",
            ["EDGE_SETUP_BENCH"] = "1",
            ["EDGE_QUALITY_MINUTES"] = "2",
            ["EDGE_SOAK_MINUTES"] = "10",
            ["EDGE_DEVICE"] = "box7",
        });

        Assert.Equal("box7", config.Device);
        // Only those exact names are left alone: a near miss is still an unknown key.
        Assert.Contains(ProblemsOf(Minimal, new Dictionary<string, string> { ["EDGE_TORCH_SHIMS"] = "x" }),
            p => p.StartsWith("$.torch_shims: unknown key", StringComparison.Ordinal));
    }

    [Fact]
    public void Environment_variables_with_the_edge_prefix_override_keys_at_any_depth()
    {
        var config = Parse(Minimal, new Dictionary<string, string>
        {
            ["EDGE_MQTT__HOST"] = "broker.plant",
            ["EDGE_MQTT__PORT"] = "8884",
            ["EDGE_MQTT__KEEPALIVESECONDS"] = "12",
            ["EDGE_MQTT__TLS__ENABLED"] = "true",
            ["EDGE_CAMERAS__0__THRESHOLD"] = "0.42",
            ["EDGE_DEVICE"] = "box7",
        });

        Assert.Equal("broker.plant", config.Mqtt.Host);
        Assert.Equal(8884, config.Mqtt.Port);
        Assert.Equal(12, config.Mqtt.KeepAliveSeconds);
        Assert.True(config.Mqtt.Tls.Enabled);
        Assert.Equal(0.42, config.Cameras[0].Threshold);
        Assert.Equal("box7", config.Device);
    }

    [Fact]
    public void A_bad_environment_override_is_reported_at_the_key_it_sets()
    {
        var problems = ProblemsOf(Minimal, new Dictionary<string, string>
        {
            ["EDGE_MQTT__PORT"] = "not-a-port",
            ["EDGE_CAMERAS__5__NAME"] = "far",
        });

        Assert.Equal(
            [
                "$EDGE_CAMERAS__5__NAME: does not lead to a key: an array index is too large or a level is not an object",
                "$.mqtt.port: must be an integer 1..65535",
            ],
            problems);
    }

    [Fact]
    public void Camera_keys_map_onto_the_camera_settings_records()
    {
        var config = Parse("""
            { "site": "s", "device": "d", "mqtt": { "host": "h" }, "model": { "bundle": "/b" },
              "cameras": [
                { "name": "ff", "ffmpeg": "-i rtsp://cam/1", "width": 320, "height": 240, "framesPerSecond": 5, "pixelFormat": "gray8",
                  "threshold": 0.7, "roi": [[[0, 0], [100, 0], [100, 50]]], "crop": [10, 20, 300, 200], "class": "bottle",
                  "supervision": { "stallTimeoutSeconds": 4, "initialBackoffSeconds": 0.5, "maxBackoffSeconds": 8, "queueCapacity": 2 },
                  "health": false },
                { "name": "usb", "v4l2": "/dev/video3", "inputFormat": "mjpeg", "bufferCount": 6, "width": 1280, "height": 720,
                  "health": { "checkEveryFrames": 10 } },
                { "name": "replay", "folder": "/frames", "framesPerSecond": 2, "loop": false } ] }
            """);

        var ff = config.Cameras[0];
        Assert.Equal(new FfmpegSourceSettings("-i rtsp://cam/1") { Width = 320, Height = 240, FramesPerSecond = 5, PixelFormat = FramePixelFormat.Gray8 }, ff.Source);
        Assert.Equal(0.7, ff.Threshold);
        Assert.Equal(new Edge.Imaging.PixelRect(10, 20, 300, 200), ff.Crop);
        Assert.Null(config.Cameras[1].Crop);
        Assert.Equal("bottle", ff.ProductClass);
        Assert.Null(config.Cameras[1].ProductClass);
        Assert.Equal(TimeSpan.FromSeconds(4), ff.Supervision.StallTimeout);
        Assert.Equal(TimeSpan.FromSeconds(0.5), ff.Supervision.InitialBackoff);
        Assert.Equal(TimeSpan.FromSeconds(8), ff.Supervision.MaxBackoff);
        Assert.Equal(2, ff.Supervision.QueueCapacity);
        Assert.Null(ff.Supervision.Health);
        var roi = Assert.Single(ff.Roi);
        Assert.True(roi.Contains(90, 10));
        Assert.False(roi.Contains(10, 40));

        var usb = config.Cameras[1];
        Assert.Equal(new V4l2SourceSettings("/dev/video3") { InputFormat = V4l2InputFormat.Mjpeg, BufferCount = 6, Width = 1280, Height = 720 }, usb.Source);
        Assert.Equal(10, usb.Supervision.Health!.CheckEveryFrames);

        Assert.Equal(new FolderSourceSettings("/frames") { FramesPerSecond = 2, Loop = false }, config.Cameras[2].Source);
    }

    [Fact]
    public void A_camera_source_the_camera_code_rejects_is_reported_with_its_reason()
    {
        var problems = ProblemsOf("""
            { "site": "s", "device": "d", "mqtt": { "host": "h" }, "model": { "bundle": "/b" },
              "cameras": [ { "name": "x", "ffmpeg": "-i a.mp4", "executable": "no-such-ffmpeg-here" },
                           { "name": "x", "gstreamer": "videotestsrc ! fakesink" } ] }
            """);

        Assert.Equal(3, problems.Count);
        Assert.Equal("$.cameras[0].executable: no-such-ffmpeg-here is not installed or not on PATH", problems[0]);
        Assert.StartsWith("$.cameras[1].gstreamer: gstreamer: the pipeline must end in fdsink", problems[1], StringComparison.Ordinal);
        Assert.Equal("$.cameras: the name \"x\" is used by more than one camera", problems[2]);
    }
}
