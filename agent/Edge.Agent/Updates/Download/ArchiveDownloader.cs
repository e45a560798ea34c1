using System.Net;
using System.Net.Http.Headers;

namespace Edge.Agent.Updates.Download;

/// <summary>
/// Fetches a bundle archive over HTTP or HTTPS into the staging folder: resumable (a partial download, named by the
/// expected SHA-256, is continued with a Range request, also after an agent restart), size-limited (the command's size
/// and the configured maximum, counted on the bytes received, not on what the server claims), tried URL by URL, and
/// checked against the expected SHA-256 before it is handed on.
/// </summary>
public sealed class ArchiveDownloader
{
    private const int AttemptsPerUrl = 3;
    private readonly HttpClient _http;
    private readonly string _staging;

    public ArchiveDownloader(HttpClient http, string staging)
    {
        _http = http;
        _staging = staging;
    }

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
            if (url.Scheme is not ("http" or "https"))
            {
                failures.Add($"{url}: only http and https are supported");
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
                    // This URL served something unusable (refused, too large, other bytes): the next one may not.
                    failures.Add(e.Message);
                    break;
                }
                catch (Exception e) when (e is HttpRequestException or IOException or TransientDownloadException)
                {
                    failures.Add($"{url}: {e.Message}");
                    if (attempt < AttemptsPerUrl)
                    {
                        await Task.Delay(TimeSpan.FromMilliseconds(250 * attempt), cancellationToken).ConfigureAwait(false);
                    }
                }
            }
        }
        throw new UpdateException(failures.Count == 1 ? failures[0] : "the archive could not be downloaded: " + string.Join("; ", failures.Distinct()));
    }

    private async Task FetchAsync(Uri url, string partial, long limit, CancellationToken cancellationToken)
    {
        var have = File.Exists(partial) ? new FileInfo(partial).Length : 0;
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (have > 0)
        {
            request.Headers.Range = new RangeHeaderValue(have, null);
        }
        using var response = await SendAsync(url, request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable && have > 0)
        {
            // What we have may already be all of it (a restart right after the last byte); the hash decides.
            return;
        }
        if (response.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.PartialContent))
        {
            var transient = (int)response.StatusCode >= 500;
            var message = $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}";
            throw transient ? new TransientDownloadException(message) : new UpdateException($"the archive could not be downloaded from {url}: {message}");
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

    private async Task<HttpResponseMessage> SendAsync(Uri url, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is UriFormatException or ArgumentException)
        {
            // The request's own URL is a checked http(s) URL, so this is where a redirect pointed: the handler follows
            // any scheme and a file:// target fails in its connection pool ("Invalid URI", or a port of -1).
            throw new UpdateException($"the archive could not be downloaded from {url}: a redirect to a non-http(s) or malformed URL was refused");
        }
    }

    private sealed class TransientDownloadException(string message) : Exception(message);
}
