using System.Security.Cryptography;
using Edge.Bundles.Manifest;

namespace Edge.Bundles.Signing;

/// <summary>
/// ECDSA P-256 keys as PEM: the private key as PKCS#8 (<c>BEGIN PRIVATE KEY</c>), the public key as
/// SubjectPublicKeyInfo (<c>BEGIN PUBLIC KEY</c>), the forms openssl reads and writes.
/// </summary>
public static class SigningKeys
{
    public static ECDsa Generate() => ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public static string PrivateKeyPem(ECDsa key) => key.ExportPkcs8PrivateKeyPem();

    public static string PublicKeyPem(ECDsa key) => key.ExportSubjectPublicKeyInfoPem();

    /// <summary>SHA-256 (lowercase hex) of the SubjectPublicKeyInfo DER: names the key in <c>manifest.sig</c>.</summary>
    public static string KeyId(ECDsa key) => Sha256Text.Format(SHA256.HashData(key.ExportSubjectPublicKeyInfo()));

    /// <exception cref="SignatureException">The text is not a P-256 private key in PKCS#8 PEM.</exception>
    public static ECDsa ImportPrivateKey(string pem, string source) => Import(pem, source, "private", "PRIVATE KEY");

    /// <exception cref="SignatureException">The text is not a P-256 public key in SubjectPublicKeyInfo PEM.</exception>
    public static ECDsa ImportPublicKey(string pem, string source)
    {
        ArgumentNullException.ThrowIfNull(pem);
        // Said plainly: a signing key copied to a device instead of its public half lets whoever reads the device sign bundles.
        if (pem.Contains("PRIVATE KEY-----", StringComparison.Ordinal))
        {
            throw new SignatureException($"'{source}' is a private key: trust its public key (edge-signing.pub) instead, and keep the private key on the workstation");
        }
        return Import(pem, source, "public", "PUBLIC KEY");
    }

    private static ECDsa Import(string pem, string source, string kind, string label)
    {
        if (!pem.Contains($"-----BEGIN {label}-----", StringComparison.Ordinal))
        {
            throw new SignatureException($"'{source}' is not a PEM {kind} key (expected '-----BEGIN {label}-----')");
        }
        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(pem);
            var curve = key.ExportParameters(includePrivateParameters: false).Curve;
            if (key.KeySize != 256 || curve.Oid.Value != ECCurve.NamedCurves.nistP256.Oid.Value)
            {
                throw new SignatureException($"'{source}' is not an ECDSA P-256 key");
            }
            return key;
        }
        catch (Exception exception) when (exception is CryptographicException or ArgumentException)
        {
            key.Dispose();
            throw new SignatureException($"'{source}' is not a valid ECDSA {kind} key: {exception.Message}");
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }
}
