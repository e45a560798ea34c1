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
        foreach (var (key, file) in new[] { ("certFile", certFile), ("keyFile", keyFile) })
        {
            if (file is { Length: > 0 } && !File.Exists(file))
            {
                r.Problem(key, $"the file '{file}' does not exist");
            }
        }
        r.RejectUnknownKeys();
        return certFile is null || keyFile is null ? null : new HttpTlsConfig { CertFile = certFile, KeyFile = keyFile };
    }
}
