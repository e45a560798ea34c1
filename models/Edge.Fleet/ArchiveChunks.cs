using System.Globalization;

namespace Edge.Fleet;

/// <summary>
/// A bundle archive sent as retained MQTT messages instead of from a model server (PROTOCOL.md, "Archives over MQTT"):
/// <c>edge/chunks/&lt;sha256&gt;/&lt;index&gt;</c> holds chunk <c>index</c> (0 to count - 1, decimal) and
/// <c>edge/chunks/&lt;sha256&gt;/manifest</c> the <see cref="ChunkManifest"/>. An install command names such an
/// archive by the URL <c>mqtt-chunks:&lt;sha256&gt;</c>.
/// </summary>
public static class ArchiveChunks
{
    public const string Scheme = "mqtt-chunks";

    public const int MinChunkBytes = 16 * 1024;

    public const int MaxChunkBytes = 4096 * 1024;

    public const int DefaultChunkBytes = 256 * 1024;

    /// <summary>The URL of an archive sent as chunks: <c>mqtt-chunks:&lt;sha256&gt;</c>.</summary>
    public static Uri Url(string sha256)
    {
        CheckSha256(sha256);
        return new Uri($"{Scheme}:{sha256}");
    }

    /// <summary>The SHA-256 an <c>mqtt-chunks:</c> URL names, or null when it is not one (another scheme, not 64 lowercase hex digits).</summary>
    public static string? Sha256Of(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri || url.Scheme != Scheme)
        {
            return null;
        }
        var sha = url.AbsoluteUri[(Scheme.Length + 1)..];
        return IsSha256(sha) ? sha : null;
    }

    public static bool IsSha256(string? text) => text is { Length: 64 } && text.All(char.IsAsciiHexDigitLower);

    /// <summary>Where the chunks of one archive live: <c>edge/chunks/&lt;sha256&gt;</c>.</summary>
    public static string Root(string sha256)
    {
        CheckSha256(sha256);
        return $"{FleetTopics.Prefix}/chunks/{sha256}";
    }

    public static string ManifestTopic(string sha256) => Root(sha256) + "/manifest";

    public static string ChunkTopic(string sha256, int index) => Root(sha256) + "/" + index.ToString(CultureInfo.InvariantCulture);

    /// <summary>The chunk index a topic under <see cref="Root"/> names: a decimal number without leading zeros, else null.</summary>
    public static int? IndexOf(string sha256, string topic)
    {
        ArgumentNullException.ThrowIfNull(topic);
        var prefix = Root(sha256) + "/";
        if (!topic.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }
        var last = topic[prefix.Length..];
        if (last.Length is 0 or > 9 || !last.All(char.IsAsciiDigit) || (last.Length > 1 && last[0] == '0'))
        {
            return null;
        }
        return int.Parse(last, NumberStyles.None, CultureInfo.InvariantCulture);
    }

    private static void CheckSha256(string sha256)
    {
        if (!IsSha256(sha256))
        {
            throw new ArgumentException($"'{sha256}' is not a SHA-256 (64 lowercase hexadecimal digits).", nameof(sha256));
        }
    }
}
