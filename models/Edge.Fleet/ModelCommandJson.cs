using System.Globalization;
using System.Text.Json;

namespace Edge.Fleet;

/// <summary>
/// The JSON of a <see cref="ModelCommand"/>: camelCase keys, <c>action</c> as <c>install</c>/<c>rollback</c>/<c>report</c>.
/// Parsing is strict (size limit, unknown or duplicated keys, types, and each action's required keys) so that a
/// malformed command is refused with its reason and changes nothing.
/// </summary>
public static class ModelCommandJson
{
    /// <summary>Largest command accepted; a real one is a few hundred bytes.</summary>
    public const int MaxBytes = 16 * 1024;

    private static readonly HashSet<string> Keys = ["id", "action", "issuedUtc", "version", "urls", "sha256", "size", "force"];

    public static byte[] Serialize(ModelCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("id", command.Id);
            w.WriteString("action", Name(command.Action));
            w.WriteString("issuedUtc", command.IssuedUtc.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));
            if (command.Version is not null)
            {
                w.WriteString("version", command.Version);
            }
            if (command.Urls.Count > 0)
            {
                w.WriteStartArray("urls");
                foreach (var url in command.Urls)
                {
                    w.WriteStringValue(url.AbsoluteUri);
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
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var property in root.EnumerateObject())
            {
                if (!Keys.Contains(property.Name))
                {
                    throw new ModelCommandException($"unknown key '{property.Name}'");
                }
                if (!seen.Add(property.Name))
                {
                    throw new ModelCommandException($"key '{property.Name}' appears more than once");
                }
            }
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
            if (!DateTimeOffset.TryParse(RequiredString(root, "issuedUtc"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var issued))
            {
                throw new ModelCommandException("issuedUtc must be an ISO 8601 time");
            }
            var command = new ModelCommand
            {
                Id = id,
                Action = action,
                IssuedUtc = issued.ToUniversalTime(),
                Version = OptionalString(root, "version"),
                Urls = Urls(root),
                Sha256 = OptionalString(root, "sha256"),
                Size = root.TryGetProperty("size", out var size)
                    ? size.ValueKind == JsonValueKind.Number && size.TryGetInt64(out var bytes) && bytes > 0 ? bytes : throw new ModelCommandException("size must be a positive whole number of bytes")
                    : null,
                Force = root.TryGetProperty("force", out var force) && (force.ValueKind is JsonValueKind.True or JsonValueKind.False
                    ? force.GetBoolean()
                    : throw new ModelCommandException("force must be true or false")),
            };
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
            u.ValueKind == JsonValueKind.String && Uri.TryCreate(u.GetString(), UriKind.Absolute, out var uri)
                && (uri.Scheme is "http" or "https" || ArchiveChunks.Sha256Of(uri) is not null)
                ? uri
                : throw new ModelCommandException($"'{u}' is not an http or https address, nor mqtt-chunks:<sha256>")).ToList();
    }

    private static string RequiredString(JsonElement root, string key) =>
        OptionalString(root, key) is { Length: > 0 } value ? value : throw new ModelCommandException($"{key} is required");

    private static string? OptionalString(JsonElement root, string key) =>
        !root.TryGetProperty(key, out var value) ? null
        : value.ValueKind == JsonValueKind.String ? value.GetString()
        : throw new ModelCommandException($"{key} must be a string");
}
