using System.Net;
using System.Net.Http.Headers;
using Edge.Agent.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Edge.Agent.Updates.Download;

/// <summary>
/// Fetches a bundle archive over HTTP or HTTPS into the staging folder: resumable (a partial download, named by the
/// expected SHA-256, is continued with a Range request, also after an agent restart), size-limited (the command's size
/// and the configured maximum, counted on the bytes received, not on what the server claims), tried URL by URL, and
/// checked against the expected SHA-256 before it is handed on. Every URL and every redirect must name a host of
/// <c>updates.archiveHosts</c> (redirects are followed here, one by one, never by the HTTP client).
/// </summary>
/// <remarks>
/// The reasons it gives end up on the retained model state, which more people read than may command the device. A
/// server that gave no usable answer (connection refused, name not found, timeout, TLS failure, any HTTP error
/// status) is one and the same reason, after the same three tries: a reader learns nothing about which hosts exist
/// or listen. What went wrong each time is in the agent's log. What the server did send (too large, another hash, a
/// redirect off the list) is said as it is: that is about the allowed servers' content, not about the network.
/// </remarks>
public sealed partial class ArchiveDownloader
{
    private const int AttemptsPerUrl = 3;
    private const int MaxRedirects = 5;
    private readonly HttpClient _http;
    private readonly string _staging;
    private readonly ArchiveHostList _hosts;
    private readonly ILogger _logger;

    /// <param name="http">A client that does not follow redirects itself: <see cref="CreateHttpClient"/>.</param>
    /// <param name="staging">Where the archive is written.</param>
    /// <param name="hosts">The hosts URLs and redirects may name.</param>
    /// <param name="logger">Where each failed attempt is logged with its cause.</param>
    public ArchiveDownloader(HttpClient http, string staging, ArchiveHostList hosts, ILogger? logger = null)
    {
        _http = http;
        _staging = staging;
        _hosts = hosts;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>The HTTP client downloads need: no automatic redirects (each one is checked against the allowed hosts), no overall timeout (the caller's token has it).</summary>
    public static HttpClient CreateHttpClient() => new(new SocketsHttpHandler { AllowAutoRedirect = false }) { Timeout = Timeout.InfiniteTimeSpan };

    /// <returns>The path of the complete archive, whose SHA-256 matched.</returns>
    /// <exception cref="UpdateException">Every URL failed, the archive is too large, or its hash differs.</exception>
    public async Task<string> DownloadAsync(IReadOnlyList<Uri> urls, string sha256, long? size, long maxBytes, CancellationToken cancellationToken)
    {
        var archive = StagedArchive.Prepare(_staging, sha256, size, maxBytes);
        if (await archive.IsCompleteAsync(cancellationToken).ConfigureAwait(false))
        {
            return archive.Complete;
        }
        if (File.Exists(archive.ChunkRecord))
        {
            // Left by a chunked download over MQTT: its partial file is laid out by chunks, not a prefix to continue.
            archive.Discard();
        }
        var limit = size ?? maxBytes;
        var failures = new List<string>();
        foreach (var url in urls)
        {
            var refusal = url.Scheme is "http" or "https" ? _hosts.Refusal(url) : "only http and https are supported";
            if (refusal is not null)
            {
                failures.Add($"the archive cannot be downloaded from {url}: {refusal}");
                continue;
            }
            for (var attempt = 1; attempt <= AttemptsPerUrl; attempt++)
            {
                try
                {
                    await FetchAsync(url, archive.Partial, limit, cancellationToken).ConfigureAwait(false);
                    return await archive.AcceptAsync(url, size, cancellationToken).ConfigureAwait(false);
                }
                catch (UpdateException e)
                {
                    // This URL served something unusable (too large, other bytes, a redirect off the list): the next one may not.
                    failures.Add(e.Message);
                    break;
                }
                catch (Exception e) when (e is HttpRequestException or IOException or UnusableAnswerException
                    || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
                {
                    LogAttemptFailed(_logger, attempt, AttemptsPerUrl, url, e.Message);
                    if (attempt < AttemptsPerUrl)
                    {
                        await Task.Delay(TimeSpan.FromMilliseconds(250 * attempt), cancellationToken).ConfigureAwait(false);
                    }
                    else
                    {
                        failures.Add($"the archive could not be downloaded from {url}: no usable answer in {AttemptsPerUrl} tries (no connection, a timeout or an HTTP error: the device's log says which)");
                    }
                }
            }
        }
        throw new UpdateException(string.Join("; ", failures.Distinct()));
    }

    private async Task FetchAsync(Uri url, string partial, long limit, CancellationToken cancellationToken)
    {
        var have = File.Exists(partial) ? new FileInfo(partial).Length : 0;
        using var response = await SendFollowingRedirectsAsync(url, have, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable && have > 0)
        {
            // What we have may already be all of it (a restart right after the last byte); the hash decides.
            return;
        }
        if (response.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.PartialContent))
        {
            throw new UnusableAnswerException($"HTTP {(int)response.StatusCode} {response.ReasonPhrase}");
        }
        var append = response.StatusCode == HttpStatusCode.PartialContent && response.Content.Headers.ContentRange?.From == have;
        if (!append)
        {
            have = 0;
        }
        var announced = response.Content.Headers.ContentLength;
        if (announced is { } length && have + length > limit)
        {
            throw new UpdateException($"the archive at {url} has {have + length} bytes, more than the {limit} allowed");
        }
        var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using var bodyScope = body.ConfigureAwait(false);
        var file = new FileStream(partial, append ? FileMode.Append : FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
        await using var fileScope = file.ConfigureAwait(false);
        var buffer = new byte[1 << 16];
        var total = have;
        int read;
        while ((read = await body.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            total += read;
            if (total > limit)
            {
                throw new UpdateException($"the archive at {url} grows past the {limit} bytes allowed");
            }
            await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
        }
        await file.FlushAsync(cancellationToken).ConfigureAwait(false);
        file.Flush(flushToDisk: true);
    }

    /// <summary>GET (from byte <paramref name="have"/> on), following at most <see cref="MaxRedirects"/> redirects, each to an allowed host.</summary>
    private async Task<HttpResponseMessage> SendFollowingRedirectsAsync(Uri url, long have, CancellationToken cancellationToken)
    {
        var target = url;
        for (var hop = 0; ; hop++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, target);
            if (have > 0)
            {
                request.Headers.Range = new RangeHeaderValue(have, null);
            }
            var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            if ((int)response.StatusCode is not (301 or 302 or 303 or 307 or 308))
            {
                return response;
            }
            using (response)
            {
                // A Location the HTTP stack cannot parse (file://, no host) reads as none.
                if (response.Headers.Location is not { } location || !Uri.TryCreate(target, location, out var next))
                {
                    throw new UpdateException($"the archive could not be downloaded from {url}: a redirect to a non-http(s) or malformed URL was refused");
                }
                if (hop == MaxRedirects)
                {
                    throw new UpdateException($"{url} redirects more than {MaxRedirects} times: refused");
                }
                if (next.Scheme is not ("http" or "https"))
                {
                    throw new UpdateException($"the archive could not be downloaded from {url}: it redirects to a {next.Scheme}: address; a redirect to a non-http(s) or malformed URL was refused");
                }
                if (target.Scheme == "https" && next.Scheme == "http")
                {
                    throw new UpdateException($"the archive could not be downloaded from {url}: a redirect from https to http was refused");
                }
                if (_hosts.Refusal(next) is { } refused)
                {
                    throw new UpdateException($"{url} redirects elsewhere, which is refused: {refused}");
                }
                target = next;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Archive download attempt {Attempt} of {Attempts} from {Url} failed: {Detail}")]
    private static partial void LogAttemptFailed(ILogger logger, int attempt, int attempts, Uri url, string detail);

    /// <summary>The server gave no archive (an error status, a redirect without a target): told apart only in the log.</summary>
    private sealed class UnusableAnswerException(string message) : Exception(message);
}
