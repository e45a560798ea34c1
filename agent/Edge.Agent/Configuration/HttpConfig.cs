using System.Net;

namespace Edge.Agent.Configuration;

/// <summary>The local status endpoint (/healthz, /metrics, the page, the cameras' latest pictures).</summary>
public sealed record HttpConfig
{
    public int Port { get; init; } = 8080;

    /// <summary>Address to listen on; loopback unless the page must be seen from the network.</summary>
    public string Bind { get; init; } = "127.0.0.1";

    public bool Enabled { get; init; } = true;

    /// <summary>HTTPS with a configured certificate; null: plain HTTP.</summary>
    public HttpTlsConfig? Tls { get; init; }

    /// <summary>The token every request must carry; null: none asked.</summary>
    public HttpAuthConfig? Auth { get; init; }

    /// <summary>Serve a non-loopback address without TLS or without authentication all the same (a trusted network).</summary>
    public bool AllowUnprotected { get; init; }

    internal static HttpConfig Read(ConfigReader r)
    {
        var config = new HttpConfig
        {
            Enabled = r.Bool("enabled", true),
            Port = r.Int("port", 8080, 1, 65535),
            Bind = r.String("bind") ?? "127.0.0.1",
            Tls = r.Object("tls") is { } tls ? HttpTlsConfig.Read(tls) : null,
            Auth = r.Object("auth") is { } auth ? HttpAuthConfig.Read(auth) : null,
            AllowUnprotected = r.Bool("allowUnprotected", false),
        };
        if (!IPAddress.TryParse(config.Bind, out var address))
        {
            r.Problem("bind", "must be an IP address such as 127.0.0.1, 0.0.0.0 or ::1");
        }
        else if (config.Enabled && !IPAddress.IsLoopback(address) && !config.AllowUnprotected && (!r.Has("tls") || !r.Has("auth")))
        {
            // The page and /cameras/*/latest.jpg show the production line: off the box only encrypted and to whoever has the token.
            var missing = string.Join(" and ", new[] { r.Has("tls") ? null : "http.tls", r.Has("auth") ? null : "http.auth" }.OfType<string>());
            r.Problem("bind", $"{config.Bind} is reachable from the network but {missing} {(missing.Contains(" and ", StringComparison.Ordinal) ? "are" : "is")} not set: set them, or http.allowUnprotected true to serve it unprotected anyway");
        }
        r.RejectUnknownKeys();
        return config;
    }
}
