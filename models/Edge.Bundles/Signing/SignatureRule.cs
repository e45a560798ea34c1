using System.Security.Cryptography;

namespace Edge.Bundles.Signing;

/// <summary>
/// The one signing rule of Edge, for bundles (<c>manifest.sig</c>) and model commands alike: ECDSA P-256 over the
/// SHA-256 of the exact bytes given, the signature as r || s (IEEE P1363, 64 bytes). What the bytes are is each
/// caller's business; how they are signed is decided here only.
/// </summary>
public static class SignatureRule
{
    /// <summary>The length of every signature: r and s of 32 bytes each.</summary>
    public const int SignatureBytes = 64;

    public static byte[] Sign(ECDsa privateKey, byte[] data)
    {
        ArgumentNullException.ThrowIfNull(privateKey);
        return privateKey.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
    }

    public static bool Verifies(ECDsa publicKey, byte[] data, byte[] signature)
    {
        ArgumentNullException.ThrowIfNull(publicKey);
        return publicKey.VerifyData(data, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
    }
}
