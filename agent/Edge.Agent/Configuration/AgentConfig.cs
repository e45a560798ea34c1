namespace Edge.Agent.Configuration;

/// <summary>The whole agent configuration (agent.json after environment overrides), validated.</summary>
public sealed record AgentConfig
{
    public const string DefaultPath = "/etc/edge-agent/agent.json";

    /// <summary>Site name, the second topic level: <c>edge/&lt;site&gt;/&lt;device&gt;/...</c>.</summary>
    public required string Site { get; init; }

    /// <summary>Device (box) name, the third topic level.</summary>
    public required string Device { get; init; }

    /// <summary>Outbox, snapshots and bundles live here.</summary>
    public string StateDirectory { get; init; } = "/var/lib/edge-agent";

    public MqttConfig Mqtt { get; init; } = new();

    public OutboxConfig Outbox { get; init; } = new();

    public AlarmConfig Alarms { get; init; } = new();

    public ModelConfig Model { get; init; } = new();

    public HttpConfig Http { get; init; } = new();

    public HealthConfig Health { get; init; } = new();

    public UpdatesConfig Updates { get; init; } = new();

    public SnapshotConfig Snapshots { get; init; } = new();

    /// <summary>Where alarm snapshots are kept.</summary>
    public string SnapshotDirectory => Path.Combine(StateDirectory, "snapshots");

    public OnnxRuntimeConfig OnnxRuntime { get; init; } = new();

    /// <summary>Where TensorRT engines are cached, resolved against <see cref="StateDirectory"/>.</summary>
    public string EngineCacheDirectory => OnnxRuntime.EngineCache ?? Path.Combine(StateDirectory, "tensorrt");

    public IReadOnlyList<CameraConfig> Cameras { get; init; } = [];

    /// <summary>The outbox file, resolved against <see cref="StateDirectory"/>.</summary>
    public string OutboxPath => Path.Combine(StateDirectory, Outbox.File);

    internal static AgentConfig Read(ConfigReader r)
    {
        var site = TopicName.Check(r, "site") ?? "";
        var device = TopicName.Check(r, "device") ?? "";
        var stateDirectory = r.String("stateDirectory") ?? "/var/lib/edge-agent";
        if (!Path.IsPathFullyQualified(stateDirectory))
        {
            r.Problem("stateDirectory", "must be an absolute path");
        }
        var config = new AgentConfig
        {
            Site = site,
            Device = device,
            StateDirectory = stateDirectory,
            Mqtt = Section(r, "mqtt", required: true, c => MqttConfig.Read(c, $"edge-agent-{site}-{device}"), new MqttConfig()),
            Outbox = Section(r, "outbox", required: false, OutboxConfig.Read, new OutboxConfig()),
            Alarms = Section(r, "alarms", required: false, AlarmConfig.Read, new AlarmConfig()),
            Model = Section(r, "model", required: true, ModelConfig.Read, new ModelConfig()),
            Http = Section(r, "http", required: false, HttpConfig.Read, new HttpConfig()),
            Health = Section(r, "health", required: false, HealthConfig.Read, new HealthConfig()),
            Updates = Section(r, "updates", required: false, UpdatesConfig.Read, new UpdatesConfig()),
            Snapshots = Section(r, "snapshots", required: false, SnapshotConfig.Read, new SnapshotConfig()),
            OnnxRuntime = Section(r, "onnxRuntime", required: false, OnnxRuntimeConfig.Read, new OnnxRuntimeConfig()),
            Cameras = ReadCameras(r),
        };
        r.RejectUnknownKeys();
        return config;
    }

    private static T Section<T>(ConfigReader r, string key, bool required, Func<ConfigReader, T> read, T fallback)
    {
        if (r.Object(key) is { } section)
        {
            return read(section);
        }
        if (required && !r.Has(key))
        {
            r.Problem(key, "is required");
        }
        return fallback;
    }

    private static List<CameraConfig> ReadCameras(ConfigReader r)
    {
        var cameras = r.Objects("cameras", CameraConfig.Read).OfType<CameraConfig>().ToList();
        // Names from the JSON itself, so that a duplicate is reported even when one of the pair has other problems.
        var names = r.Array("cameras")
            .Select(item => (item.Item as System.Text.Json.Nodes.JsonObject)?["name"])
            .Where(name => name?.GetValueKind() == System.Text.Json.JsonValueKind.String)
            .Select(name => name!.GetValue<string>());
        foreach (var name in names.GroupBy(n => n, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key))
        {
            r.Problem("cameras", $"the name \"{name}\" is used by more than one camera");
        }
        return cameras;
    }
}
