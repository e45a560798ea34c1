using Edge.Bundles.Signing;

namespace Edge.Fleet;

/// <summary>
/// The <c>signature</c> of a model command: <see cref="KeyId"/> names the signing key (SHA-256 of its public key, as in
/// <c>manifest.sig</c>), <see cref="Value"/> is the signature (<see cref="SignatureRule"/>: ECDSA P-256 / SHA-256, r || s, 64 bytes) over
/// <see cref="ModelCommandSignature.CanonicalBytes"/>.
/// </summary>
public sealed record CommandSignature(string KeyId, byte[] Value)
{
    public const int ValueBytes = SignatureRule.SignatureBytes;
}
