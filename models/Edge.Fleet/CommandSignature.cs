namespace Edge.Fleet;

/// <summary>
/// The <c>signature</c> of a model command: <see cref="KeyId"/> names the signing key (SHA-256 of its public key, as in
/// <c>manifest.sig</c>), <see cref="Value"/> is the ECDSA P-256 / SHA-256 signature, r || s (64 bytes), over
/// <see cref="ModelCommandSignature.CanonicalBytes"/>.
/// </summary>
public sealed record CommandSignature(string KeyId, byte[] Value)
{
    /// <summary>An IEEE P1363 P-256 signature: r and s of 32 bytes each.</summary>
    public const int ValueBytes = 64;
}
