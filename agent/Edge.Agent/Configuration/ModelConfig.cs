namespace Edge.Agent.Configuration;

/// <summary>The model the agent scores frames with.</summary>
public sealed record ModelConfig
{
    /// <summary>A bundle folder exported by edge-train (checked when the pipeline loads it, not by check-config).</summary>
    public string Bundle { get; init; } = "";

    internal static ModelConfig Read(ConfigReader r)
    {
        var config = new ModelConfig { Bundle = r.String("bundle", required: true) ?? "" };
        r.RejectUnknownKeys();
        return config;
    }
}
