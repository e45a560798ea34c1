using System.Net;

namespace Edge.Agent.Configuration;

/// <summary>The local status endpoint (/healthz, /metrics, the page).</summary>
public sealed record HttpConfig
{
    public int Port { get; init; } = 8080;

    /// <summary>Address to listen on; loopback unless the page must be seen from the network.</summary>
    public string Bind { get; init; } = "127.0.0.1";

    public bool Enabled { get; init; } = true;

    internal static HttpConfig Read(ConfigReader r)
    {
        var config = new HttpConfig
        {
            Enabled = r.Bool("enabled", true),
            Port = r.Int("port", 8080, 1, 65535),
            Bind = r.String("bind") ?? "127.0.0.1",
        };
        if (!IPAddress.TryParse(config.Bind, out _))
        {
            r.Problem("bind", "must be an IP address such as 127.0.0.1, 0.0.0.0 or ::1");
        }
        r.RejectUnknownKeys();
        return config;
    }
}
