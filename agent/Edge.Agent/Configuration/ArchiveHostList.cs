using System.Globalization;
using Edge.Fleet;

namespace Edge.Agent.Configuration;

/// <summary>
/// The servers a device fetches archives from (<c>updates.archiveHosts</c>): <c>host</c> (any port) or
/// <c>host:port</c>, IPv6 addresses in brackets. An http(s) URL, and every redirect it leads to, must name one of
/// them; <c>mqtt-chunks:</c> needs none. Hosts are compared as <see cref="Uri"/> normalizes them (case, IDN,
/// <c>127.1</c> = <c>127.0.0.1</c>), so a spelling cannot slip past the list. Empty: no http(s) download at all.
/// </summary>
public sealed class ArchiveHostList
{
    private readonly IReadOnlyList<(string Host, int? Port)> _entries;

    private ArchiveHostList(IReadOnlyList<(string Host, int? Port)> entries) => _entries = entries;

    /// <exception cref="ArgumentException">An entry is not a host or host:port (<see cref="EntryProblem"/> says why).</exception>
    public static ArchiveHostList Of(IEnumerable<string> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        return new ArchiveHostList(entries.Select(e => TryParse(e, out var host, out var port, out var problem)
            ? (host, port)
            : throw new ArgumentException($"'{e}' {problem}", nameof(entries))).ToList());
    }

    /// <summary>Why <paramref name="entry"/> is not a host or host:port, or null when it is.</summary>
    public static string? EntryProblem(string entry) => TryParse(entry, out _, out _, out var problem) ? null : problem;

    /// <summary>Null when the device may fetch from <paramref name="url"/>; otherwise why not (naming only the URL's own host).</summary>
    public string? Refusal(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (url.IsAbsoluteUri && url.Scheme == ArchiveChunks.Scheme)
        {
            return null;
        }
        if (!url.IsAbsoluteUri || url.Scheme is not ("http" or "https"))
        {
            return $"{(url.IsAbsoluteUri ? url.Scheme + ":" : "a relative")} address is refused: archives come over http or https, or as mqtt-chunks:";
        }
        var named = url.IsDefaultPort ? url.Host : $"{url.Host}:{url.Port.ToString(CultureInfo.InvariantCulture)}";
        if (_entries.Count == 0)
        {
            return $"{named} is not in updates.archiveHosts, which is empty: this device downloads from no server (list the model server's host, or send the archive as mqtt-chunks:)";
        }
        var host = url.IdnHost.ToLowerInvariant();
        return _entries.Any(e => e.Host == host && (e.Port is null || e.Port == url.Port)) ? null : $"{named} is not in updates.archiveHosts";
    }

    private static bool TryParse(string entry, out string host, out int? port, out string problem)
    {
        host = "";
        port = null;
        problem = "";
        if (string.IsNullOrEmpty(entry) || entry.Any(c => c is '/' or '?' or '#' or '@' or '*' || char.IsControl(c) || char.IsWhiteSpace(c)))
        {
            problem = "must be a host name or address, optionally with :port (no scheme, path, wildcard or spaces)";
            return false;
        }
        var name = entry;
        var colon = entry.StartsWith('[') ? entry.IndexOf("]:", StringComparison.Ordinal) + 1 : entry.LastIndexOf(':');
        if (colon > 0)
        {
            if (!int.TryParse(entry.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number is < 1 or > 65535)
            {
                problem = "has a port that is not 1..65535";
                return false;
            }
            port = number;
            name = entry[..colon];
        }
        if (!name.StartsWith('[') && name.Contains(':', StringComparison.Ordinal))
        {
            problem = "must write an IPv6 address in brackets ([::1])";
            return false;
        }
        if (!Uri.TryCreate($"http://{name}/", UriKind.Absolute, out var uri) || uri.Host.Length == 0)
        {
            problem = "is not a host name or address";
            return false;
        }
        host = uri.IdnHost.ToLowerInvariant();
        return true;
    }
}
