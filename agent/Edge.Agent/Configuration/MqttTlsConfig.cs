namespace Edge.Agent.Configuration;

/// <summary>TLS to the broker; a client certificate and key make it mutual TLS.</summary>
public sealed record MqttTlsConfig
{
    public bool Enabled { get; init; }

    /// <summary>PEM file of the authority that signed the broker's certificate; null trusts the system's store.</summary>
    public string? CaFile { get; init; }

    /// <summary>PEM client certificate for mutual TLS (with <see cref="KeyFile"/>).</summary>
    public string? CertFile { get; init; }

    /// <summary>PEM private key of <see cref="CertFile"/>.</summary>
    public string? KeyFile { get; init; }

    internal static MqttTlsConfig Read(ConfigReader r)
    {
        var tls = new MqttTlsConfig
        {
            Enabled = r.Bool("enabled", true),
            CaFile = r.String("caFile"),
            CertFile = r.String("certFile"),
            KeyFile = r.String("keyFile"),
        };
        if ((tls.CertFile is null) != (tls.KeyFile is null))
        {
            r.Problem(tls.CertFile is null ? "certFile" : "keyFile", "certFile and keyFile go together (mutual TLS)");
        }
        TlsFiles.Check(r, tls);
        r.RejectUnknownKeys();
        return tls;
    }
}
