using System.Security.Cryptography;
using Edge.Bundles.Files;
using Edge.Bundles.Manifest;

namespace Edge.Bundles.Signing;

/// <summary>
/// Signs and verifies <c>manifest.sig</c>. The manifest lists the size and SHA-256 of every other file, so a valid
/// signature followed by <see cref="Bundle.Open"/> (which checks every hash) vouches for the whole bundle.
/// </summary>
public static class BundleSignature
{
    /// <summary>Signs the manifest's exact bytes on disk and writes <c>manifest.sig</c> atomically.</summary>
    public static SignatureFile Sign(Bundle bundle, ECDsa privateKey)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        ArgumentNullException.ThrowIfNull(privateKey);
        var manifest = File.ReadAllBytes(bundle.ManifestPath);
        var signature = new SignatureFile(SigningKeys.KeyId(privateKey), SignatureRule.Sign(privateKey, manifest));
        AtomicFile.WriteAllBytes(bundle.SignaturePath, signature.Serialize(), Path.Combine(bundle.Folder, BundleFileNames.SignatureTemp));
        return signature;
    }

    /// <summary>
    /// Checks that the folder's <c>manifest.json</c> is signed by one of <paramref name="trusted"/>. It does not
    /// check the other files: open the bundle with <see cref="Bundle.Open"/> afterwards (or use <see cref="OpenVerified"/>).
    /// </summary>
    /// <returns>The id of the key that signed.</returns>
    /// <exception cref="SignatureException">Unsigned, malformed, unknown key or bad signature (see <see cref="SignatureException.Error"/>).</exception>
    public static string Verify(string folder, TrustedKeys trusted)
    {
        ArgumentNullException.ThrowIfNull(trusted);
        var signaturePath = Path.Combine(folder, BundleFileNames.Signature);
        if (!File.Exists(signaturePath))
        {
            throw new SignatureException(SignatureError.Unsigned, $"The bundle '{folder}' is not signed ({BundleFileNames.Signature} is missing)");
        }
        var signature = SignatureFile.Parse(File.ReadAllBytes(signaturePath));
        if (!trusted.TryGet(signature.KeyId, out var key))
        {
            throw new SignatureException(SignatureError.UnknownKey, $"The bundle '{folder}' is signed by key {signature.KeyId}, which is not trusted");
        }
        var manifest = File.ReadAllBytes(Path.Combine(folder, BundleFileNames.Manifest));
        if (!SignatureRule.Verifies(key, manifest, signature.Signature))
        {
            throw new SignatureException(SignatureError.BadSignature, $"The signature of bundle '{folder}' does not match its {BundleFileNames.Manifest} (changed or forged)");
        }
        return signature.KeyId;
    }

    /// <summary>Verifies the signature, then opens the bundle, which checks every listed file's hash.</summary>
    /// <exception cref="SignatureException">The signature is refused.</exception>
    /// <exception cref="Validation.BundleException">The bundle is invalid or a file does not match the manifest.</exception>
    public static Bundle OpenVerified(string folder, TrustedKeys trusted, CancellationToken cancellationToken = default)
    {
        Verify(folder, trusted);
        return Bundle.Open(folder, cancellationToken);
    }
}
