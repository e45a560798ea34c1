namespace Edge.Onnx.Building;

/// <summary>What a model says about itself: producer, version, documentation and free-form metadata.</summary>
public sealed record ModelInfo
{
    public string ProducerName { get; init; } = "edge";

    public string ProducerVersion { get; init; } = typeof(ModelInfo).Assembly.GetName().Version?.ToString() ?? "0";

    /// <summary>ONNX's integer model version (the bundle's semantic version lives in the metadata).</summary>
    public long ModelVersion { get; init; }

    public string Domain { get; init; } = "";

    public string DocString { get; init; } = "";

    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();
}
