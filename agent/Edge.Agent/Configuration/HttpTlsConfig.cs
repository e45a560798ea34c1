namespace Edge.Agent.Configuration;

/// <summary>HTTPS for the local endpoint: Kestrel serves this certificate (PEM files, unencrypted key).</summary>
public sealed record HttpTlsConfig
{
    public required string CertFile { get; init; }

    public required string KeyFile { get; init; }

    internal static HttpTlsConfig? Read(ConfigReader r)
    {
        var certFile = r.String("certFile", required: true);
        var keyFile = r.String("keyFile", required: true);
        if (certFile is not null && keyFile is not null)
        {
            TlsFiles.CheckCertificateWithKey(r, certFile, keyFile);
        }
        r.RejectUnknownKeys();
        return certFile is null || keyFile is null ? null : new HttpTlsConfig { CertFile = certFile, KeyFile = keyFile };
    }
}
