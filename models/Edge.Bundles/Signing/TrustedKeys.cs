using System.Security.Cryptography;

namespace Edge.Bundles.Signing;

/// <summary>The public keys a device accepts signatures from, by key id; nothing else is trusted.</summary>
public sealed class TrustedKeys : IDisposable
{
    private readonly Dictionary<string, ECDsa> _keys = new(StringComparer.Ordinal);

    /// <exception cref="SignatureException">A file is not a P-256 public key PEM.</exception>
    public static TrustedKeys FromFiles(IEnumerable<string> publicKeyPaths)
    {
        var trusted = new TrustedKeys();
        try
        {
            foreach (var path in publicKeyPaths)
            {
                trusted.Add(SigningKeys.ImportPublicKey(File.ReadAllText(path), path));
            }
            return trusted;
        }
        catch
        {
            trusted.Dispose();
            throw;
        }
    }

    public int Count => _keys.Count;

    /// <summary>Takes ownership of <paramref name="publicKey"/> (only its public part is kept).</summary>
    public void Add(ECDsa publicKey)
    {
        var id = SigningKeys.KeyId(publicKey);
        var copy = ECDsa.Create();
        copy.ImportSubjectPublicKeyInfo(publicKey.ExportSubjectPublicKeyInfo(), out _);
        publicKey.Dispose();
        if (!_keys.TryAdd(id, copy))
        {
            copy.Dispose();
        }
    }

    public bool TryGet(string keyId, out ECDsa key) => _keys.TryGetValue(keyId, out key!);

    public void Dispose()
    {
        foreach (var key in _keys.Values)
        {
            key.Dispose();
        }
        _keys.Clear();
    }
}
