using System.Text.Json;

namespace Edge.Bundles.Signing;

/// <summary>
/// The content of <c>manifest.sig</c>: <c>{"algorithm":"ecdsa-p256-sha256","keyId":HEX,"signature":BASE64}</c>,
/// the signature in IEEE P1363 form (r || s, 64 bytes) over manifest.json's exact bytes.
/// </summary>
public sealed record SignatureFile(string KeyId, byte[] Signature)
{
    public const string Algorithm = "ecdsa-p256-sha256";

    private const int MaxBytes = 4096;

    public byte[] Serialize()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteString("algorithm", Algorithm);
            writer.WriteString("keyId", KeyId);
            writer.WriteString("signature", Convert.ToBase64String(Signature));
            writer.WriteEndObject();
        }
        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    /// <exception cref="SignatureException">Not exactly the three documented keys with an ecdsa-p256-sha256 signature.</exception>
    public static SignatureFile Parse(ReadOnlySpan<byte> content)
    {
        if (content.Length > MaxBytes)
        {
            throw Malformed($"has {content.Length} bytes, more than the {MaxBytes} allowed");
        }
        try
        {
            using var document = JsonDocument.Parse(content.ToArray());
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Malformed("is not a JSON object");
            }
            var names = root.EnumerateObject().Select(property => property.Name).ToList();
            if (names.Count != 3 || names.Distinct(StringComparer.Ordinal).Count() != 3 || !names.All(name => name is "algorithm" or "keyId" or "signature"))
            {
                throw Malformed("must have exactly the keys algorithm, keyId and signature");
            }
            var algorithm = Text(root, "algorithm");
            if (algorithm != Algorithm)
            {
                throw Malformed($"names algorithm '{algorithm}', only '{Algorithm}' is accepted");
            }
            var keyId = Text(root, "keyId");
            if (!Manifest.Sha256Text.IsValid(keyId))
            {
                throw Malformed("keyId is not 64 lowercase hex digits");
            }
            return new SignatureFile(keyId, Convert.FromBase64String(Text(root, "signature")));
        }
        catch (JsonException exception)
        {
            throw Malformed($"is not valid JSON: {exception.Message}");
        }
        catch (FormatException)
        {
            throw Malformed("signature is not base64");
        }
    }

    private static string Text(JsonElement root, string name) =>
        root.GetProperty(name) is { ValueKind: JsonValueKind.String } value ? value.GetString()! : throw Malformed($"{name} is not a string");

    private static SignatureException Malformed(string detail) => new(SignatureError.Malformed, $"manifest.sig {detail}");
}
