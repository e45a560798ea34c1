namespace Edge.Agent.Configuration;

/// <summary>How to reach the MQTT broker.</summary>
public sealed record MqttConfig
{
    private static readonly Dictionary<string, MqttProtocol> Protocols = new()
    {
        ["5"] = MqttProtocol.V500,
        ["3.1.1"] = MqttProtocol.V311,
    };

    public string Host { get; init; } = "127.0.0.1";

    public int Port { get; init; } = 1883;

    public MqttProtocol Protocol { get; init; } = MqttProtocol.V500;

    public MqttTlsConfig Tls { get; init; } = new();

    public string? Username { get; init; }

    public string? Password { get; init; }

    public int KeepAliveSeconds { get; init; } = 30;

    /// <summary>The client id; the default <c>edge-agent-&lt;site&gt;-&lt;device&gt;</c> keeps one session per box.</summary>
    public string ClientId { get; init; } = "";

    /// <summary>First wait after a failed connection; doubled per failure up to <see cref="ReconnectMaxSeconds"/>.</summary>
    public double ReconnectMinSeconds { get; init; } = 1;

    public double ReconnectMaxSeconds { get; init; } = 30;

    internal static MqttConfig Read(ConfigReader r, string defaultClientId)
    {
        var tls = r.Object("tls") is { } t ? MqttTlsConfig.Read(t) : new MqttTlsConfig();
        var config = new MqttConfig
        {
            Host = r.String("host", required: true) ?? "",
            Tls = tls,
            Port = r.Int("port", tls.Enabled ? 8883 : 1883, 1, 65535),
            Protocol = r.Choice("protocol", MqttProtocol.V500, Protocols),
            Username = r.String("username"),
            Password = r.String("password"),
            KeepAliveSeconds = r.Int("keepAliveSeconds", 30, 0, 65535),
            ClientId = r.String("clientId") ?? defaultClientId,
            ReconnectMinSeconds = r.Double("reconnectMinSeconds", 1, 0.01, 3600),
            ReconnectMaxSeconds = r.Double("reconnectMaxSeconds", 30, 0.01, 3600),
        };
        if (config.ReconnectMaxSeconds < config.ReconnectMinSeconds)
        {
            r.Problem("reconnectMaxSeconds", "must be at least reconnectMinSeconds");
        }
        if (config.Password is not null && config.Username is null)
        {
            r.Problem("password", "needs a username");
        }
        r.RejectUnknownKeys();
        return config;
    }
}
