namespace Edge.Agent.Configuration;

/// <summary>The periodic health message on <c>edge/&lt;site&gt;/&lt;device&gt;/health</c>.</summary>
public sealed record HealthConfig
{
    public double IntervalSeconds { get; init; } = 10;

    internal static HealthConfig Read(ConfigReader r)
    {
        var config = new HealthConfig { IntervalSeconds = r.Double("intervalSeconds", 10, 0.1, 86_400) };
        r.RejectUnknownKeys();
        return config;
    }
}
