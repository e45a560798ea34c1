using System.Security.Cryptography;
using Edge.Bundles.Signing;

namespace Edge.Trainer.Commands;

/// <summary>The private key of <c>edge-train keygen</c>, read for <c>sign</c>, <c>rollout</c> and <c>sign-command</c>.</summary>
internal static class PrivateKeyFile
{
    /// <exception cref="UserInputException">There is no file at <paramref name="path"/>.</exception>
    /// <exception cref="SignatureException">The file is not a P-256 private key in PKCS#8 PEM.</exception>
    public static ECDsa Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new UserInputException($"The key file '{path}' does not exist; make one with 'edge-train keygen'.");
        }
        return SigningKeys.ImportPrivateKey(File.ReadAllText(path), path);
    }
}
