namespace Edge.Bundles.Manifest;

/// <summary>The textual form of SHA-256 digests in manifests: 64 lowercase hexadecimal digits.</summary>
public static class Sha256Text
{
    public static bool IsValid(string text) =>
        text.Length == 64 && text.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');

    public static string Format(ReadOnlySpan<byte> digest) => Convert.ToHexStringLower(digest);
}
