using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Edge.Agent.Configuration;

/// <summary>
/// Reads the PEM files of <c>mqtt.tls</c> and <c>http.tls</c>: the one place that loads them, for the connection, the
/// local endpoint and the configuration check alike, so that a file the connection could not use is refused when the configuration is read, in one line,
/// and not by a stack trace once the service is up.
/// </summary>
public static class TlsFiles
{
    /// <summary>The certificates of <paramref name="caFile"/>, the authorities the broker's certificate must chain to.</summary>
    /// <exception cref="IOException">Unreadable.</exception>
    /// <exception cref="CryptographicException">Not PEM certificates, or none.</exception>
    public static X509Certificate2Collection Authorities(string caFile)
    {
        var trust = new X509Certificate2Collection();
        trust.ImportFromPemFile(caFile);
        if (trust.Count == 0)
        {
            throw new CryptographicException("it holds no PEM certificate (-----BEGIN CERTIFICATE-----)");
        }
        return trust;
    }

    /// <summary>A certificate with its private key: the agent's own, for mutual TLS to the broker or HTTPS on the local endpoint.</summary>
    /// <exception cref="IOException">Unreadable.</exception>
    /// <exception cref="CryptographicException">Not a PEM certificate and its unencrypted PEM private key.</exception>
    public static X509Certificate2 CertificateWithKey(string certFile, string keyFile)
    {
        // Re-exported as PKCS#12 because SslStream on Linux needs the key in a form it can hand to OpenSSL.
        using var pem = X509Certificate2.CreateFromPemFile(certFile, keyFile);
        return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
    }

    /// <summary>Records, at each key, what keeps a configured file from being used.</summary>
    internal static void Check(ConfigReader r, MqttTlsConfig tls)
    {
        if (!tls.Enabled)
        {
            return;
        }
        if (tls.CaFile is { } caFile && Readable(r, "caFile", caFile))
        {
            Try(r, "caFile", () => Authorities(caFile).Clear());
        }
        if (tls.CertFile is { } certFile && tls.KeyFile is { } keyFile)
        {
            CheckCertificateWithKey(r, certFile, keyFile);
        }
    }

    /// <summary>Records, at <c>certFile</c> or <c>keyFile</c>, what keeps the pair from being used.</summary>
    internal static void CheckCertificateWithKey(ConfigReader r, string certFile, string keyFile)
    {
        if (Readable(r, "certFile", certFile) & Readable(r, "keyFile", keyFile))
        {
            Try(r, "keyFile", () => CertificateWithKey(certFile, keyFile).Dispose());
        }
    }

    private static bool Readable(ConfigReader r, string key, string path)
    {
        try
        {
            using var file = File.OpenRead(path);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            r.Problem(key, $"cannot be read: {OneLine(e.Message)}");
            return false;
        }
    }

    private static void Try(ConfigReader r, string key, Action load)
    {
        try
        {
            load();
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            r.Problem(key, key == "keyFile"
                ? $"cannot be used with certFile (a PEM certificate and its unencrypted PEM private key): {OneLine(e.Message)}"
                : $"is not a PEM file of certificates: {OneLine(e.Message)}");
        }
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ");
}
