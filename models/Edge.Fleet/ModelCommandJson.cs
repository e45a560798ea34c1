using System.Globalization;
using System.Text.Json;
using System.Text.Unicode;
using Edge.Bundles.Versioning;

namespace Edge.Fleet;

/// <summary>
/// The JSON of a <see cref="ModelCommand"/>: camelCase keys, <c>action</c> as <c>install</c>/<c>rollback</c>/<c>report</c>.
/// Parsing is strict (size limit, unknown or duplicated keys, types, and each action's required keys) so that a
/// malformed command is refused with its reason and changes nothing. No text that enters the signed bytes
/// (<see cref="ModelCommandSignature.CanonicalBytes"/>) can hold a line break: each is checked here.
/// </summary>
public static class ModelCommandJson
{
    /// <summary>Largest command accepted; a real one is a few hundred bytes.</summary>
    public const int MaxBytes = 16 * 1024;

    private static readonly HashSet<string> Keys =
        ["id", "action", "device", "issuedUtc", "expiresUtc", "version", "urls", "sha256", "size", "force", "floor", "signature"];

    private static readonly HashSet<string> SignatureKeys = ["keyId", "value"];

    public static byte[] Serialize(ModelCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("id", command.Id);
            w.WriteString("action", Name(command.Action));
            if (command.Device is not null)
            {
                w.WriteString("device", command.Device);
            }
            w.WriteString("issuedUtc", Time(command.IssuedUtc));
            if (command.ExpiresUtc is { } expires)
            {
                w.WriteString("expiresUtc", Time(expires));
            }
            if (command.Version is not null)
            {
                w.WriteString("version", command.Version);
            }
            if (command.Urls.Count > 0)
            {
                w.WriteStartArray("urls");
                foreach (var url in command.Urls)
                {
                    // The text the command was made with: what the signature covers (ModelCommandSignature).
                    w.WriteStringValue(url.OriginalString);
                }
                w.WriteEndArray();
            }
            if (command.Sha256 is not null)
            {
                w.WriteString("sha256", command.Sha256);
            }
            if (command.Size is { } size)
            {
                w.WriteNumber("size", size);
            }
            if (command.Force)
            {
                w.WriteBoolean("force", true);
            }
            if (command.Floor is not null)
            {
                w.WriteString("floor", command.Floor);
            }
            if (command.Signature is { } signature)
            {
                w.WriteStartObject("signature");
                w.WriteString("keyId", signature.KeyId);
                w.WriteString("value", Convert.ToBase64String(signature.Value));
                w.WriteEndObject();
            }
            w.WriteEndObject();
        }
        return buffer.ToArray();
    }

    /// <exception cref="ModelCommandException">The payload is not a valid command; the message says why.</exception>
    public static ModelCommand Parse(ReadOnlySpan<byte> payload)
    {
        if (payload.Length > MaxBytes)
        {
            throw new ModelCommandException(TooLarge(payload.Length));
        }
        // JSON's parser checks the text's UTF-8 only where a string is read, and then throws what no caller expects.
        if (!System.Text.Unicode.Utf8.IsValid(payload))
        {
            throw new ModelCommandException("the command is not valid UTF-8 text");
        }
        if (!Utf8.IsValid(payload))
        {
            // Checked first: System.Text.Json reads such bytes, and throws only when a string is taken out of them.
            throw new ModelCommandException("the command is not valid UTF-8");
        }
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(payload.ToArray(), new JsonDocumentOptions { MaxDepth = 4 });
        }
        catch (JsonException e)
        {
            throw new ModelCommandException($"the command is not valid JSON: {e.Message}");
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new ModelCommandException("the command must be a JSON object");
            }
            OnlyKnownKeys(root, Keys, "");
            var id = RequiredString(root, "id");
            if (id.Length > 128 || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            {
                throw new ModelCommandException("id must be 1 to 128 letters, digits, '-', '_' or '.'");
            }
            var action = RequiredString(root, "action") switch
            {
                "install" => ModelAction.Install,
                "rollback" => ModelAction.Rollback,
                "report" => ModelAction.Report,
                var other => throw new ModelCommandException($"action '{other}' is not install, rollback or report"),
            };
            var command = new ModelCommand
            {
                Id = id,
                Action = action,
                Device = Device(root),
                IssuedUtc = RequiredTime(root, "issuedUtc"),
                ExpiresUtc = root.TryGetProperty("expiresUtc", out _) ? RequiredTime(root, "expiresUtc") : null,
                Version = OptionalVersion(root, "version"),
                Urls = Urls(root),
                Sha256 = OptionalString(root, "sha256"),
                Size = root.TryGetProperty("size", out var size)
                    ? size.ValueKind == JsonValueKind.Number && size.TryGetInt64(out var bytes) && bytes > 0 ? bytes : throw new ModelCommandException("size must be a positive whole number of bytes")
                    : null,
                Force = root.TryGetProperty("force", out var force) && (force.ValueKind is JsonValueKind.True or JsonValueKind.False
                    ? force.GetBoolean()
                    : throw new ModelCommandException("force must be true or false")),
                Floor = OptionalVersion(root, "floor"),
                Signature = Signature(root),
            };
            if (command.Floor is not null && action == ModelAction.Rollback)
            {
                throw new ModelCommandException("floor goes with install or report, not rollback: a rollback never raises the floor");
            }
            return action == ModelAction.Install ? CheckInstall(command) : command;
        }
    }

    /// <summary>The refusal of a command of <paramref name="bytes"/> bytes, more than <see cref="MaxBytes"/>.</summary>
    public static string TooLarge(long bytes) => $"the command has {bytes} bytes, more than the {MaxBytes} allowed";

    public static string Name(ModelAction action) => action switch
    {
        ModelAction.Install => "install",
        ModelAction.Rollback => "rollback",
        _ => "report",
    };

    /// <summary>A time as the JSON carries it: UTC, milliseconds, <c>Z</c>.</summary>
    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

    private static ModelCommand CheckInstall(ModelCommand command)
    {
        if (string.IsNullOrEmpty(command.Version))
        {
            throw new ModelCommandException("install needs version");
        }
        if (command.Urls.Count == 0)
        {
            throw new ModelCommandException("install needs urls (at least one)");
        }
        if (command.Sha256 is not { Length: 64 } hash || !hash.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f'))
        {
            throw new ModelCommandException("install needs sha256: 64 lowercase hexadecimal digits");
        }
        if (command.Size is null)
        {
            throw new ModelCommandException("install needs size (bytes of the archive)");
        }
        if (command.Floor is { } floor && SemanticVersion.Parse(floor) > SemanticVersion.Parse(command.Version))
        {
            throw new ModelCommandException($"floor {floor} is above the version {command.Version} the command installs");
        }
        if (command.Urls.FirstOrDefault(u => u.Scheme == ArchiveChunks.Scheme) is { } chunks)
        {
            if (command.Urls.Count > 1)
            {
                throw new ModelCommandException($"{chunks} must be the only url: an archive comes either as chunks over MQTT or from http(s) servers");
            }
            if (ArchiveChunks.Sha256Of(chunks) != hash)
            {
                throw new ModelCommandException($"{chunks} names another archive than the sha256 {hash} of the command");
            }
        }
        return command;
    }

    private static void OnlyKnownKeys(JsonElement element, IReadOnlySet<string> keys, string where)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            if (!keys.Contains(property.Name))
            {
                throw new ModelCommandException($"unknown key '{where}{property.Name}'");
            }
            if (!seen.Add(property.Name))
            {
                throw new ModelCommandException($"key '{where}{property.Name}' appears more than once");
            }
        }
    }

    private static IReadOnlyList<Uri> Urls(JsonElement root)
    {
        if (!root.TryGetProperty("urls", out var urls))
        {
            return [];
        }
        if (urls.ValueKind != JsonValueKind.Array || urls.GetArrayLength() > 8)
        {
            throw new ModelCommandException("urls must be an array of at most 8 addresses");
        }
        return urls.EnumerateArray().Select(u =>
            u.ValueKind == JsonValueKind.String && u.GetString() is { } text && !text.Any(c => char.IsControl(c) || char.IsWhiteSpace(c))
                && Uri.TryCreate(text, UriKind.Absolute, out var uri)
                && (uri.Scheme is "http" or "https" || ArchiveChunks.Sha256Of(uri) is not null)
                ? uri
                : throw new ModelCommandException($"'{u}' is not an http or https address, nor mqtt-chunks:<sha256>")).ToList();
    }

    private static string? Device(JsonElement root)
    {
        var text = OptionalString(root, "device");
        return text is null || FleetTopics.ParseDevice(text) is not null
            ? text
            : throw new ModelCommandException("device must be site/device, two MQTT topic levels without '+', '#' or spaces");
    }

    private static DateTimeOffset RequiredTime(JsonElement root, string key) =>
        DateTimeOffset.TryParse(RequiredString(root, key), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time.ToUniversalTime()
            : throw new ModelCommandException($"{key} must be an ISO 8601 time");

    private static string? OptionalVersion(JsonElement root, string key)
    {
        var text = OptionalString(root, key);
        return text is null || SemanticVersion.TryParse(text, out _)
            ? text
            : throw new ModelCommandException($"{key} must be a semantic version (1.4.0, 2.0.0-rc.1)");
    }

    private static CommandSignature? Signature(JsonElement root)
    {
        if (!root.TryGetProperty("signature", out var signature))
        {
            return null;
        }
        if (signature.ValueKind != JsonValueKind.Object)
        {
            throw new ModelCommandException("signature must be an object: {\"keyId\": HEX, \"value\": BASE64}");
        }
        OnlyKnownKeys(signature, SignatureKeys, "signature.");
        var keyId = RequiredString(signature, "keyId", "signature.");
        if (!ArchiveChunks.IsSha256(keyId))
        {
            throw new ModelCommandException("signature.keyId must be 64 lowercase hexadecimal digits (the key's SHA-256)");
        }
        var value = new byte[CommandSignature.ValueBytes];
        if (!Convert.TryFromBase64String(RequiredString(signature, "value", "signature."), value, out var written) || written != value.Length)
        {
            throw new ModelCommandException($"signature.value must be the base64 of {CommandSignature.ValueBytes} bytes (ECDSA P-256 r || s)");
        }
        return new CommandSignature(keyId, value);
    }

    private static string RequiredString(JsonElement root, string key, string where = "") =>
        OptionalString(root, key, where) is { Length: > 0 } value ? value : throw new ModelCommandException($"{where}{key} is required");

    private static string? OptionalString(JsonElement root, string key, string where = "")
    {
        if (!root.TryGetProperty(key, out var value))
        {
            return null;
        }
        if (value.ValueKind != JsonValueKind.String)
        {
            throw new ModelCommandException($"{where}{key} must be a string");
        }
        var text = value.GetString()!;
        // Whatever the action reads or not, every text goes into the signed bytes, one line each.
        return text.Any(char.IsControl) ? throw new ModelCommandException($"{where}{key} must not hold control characters (line breaks, tabs)") : text;
    }
}
