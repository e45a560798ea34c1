using System.Security.Cryptography;
using System.Globalization;
using Edge.Agent.Configuration;
using Edge.Agent.Tests.Support;
using Edge.Agent.Updates;
using Edge.Agent.Updates.Download;
using Edge.Testing;

namespace Edge.Agent.Tests.Updates;

/// <summary>The downloader against a real HTTP server on loopback.</summary>
public sealed class ArchiveDownloaderTests : IAsyncLifetime
{
    private readonly TempFolder _temp = new();
    private readonly byte[] _archive = RandomNumberGenerator.GetBytes(300_000);
    private ArchiveServer _server = null!;
    private HttpClient _http = null!;

    private string Sha => Convert.ToHexStringLower(SHA256.HashData(_archive));

    private static readonly ArchiveHostList Loopback = ArchiveHostList.Of(["127.0.0.1"]);

    private string Staging => _temp.File("staging");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_temp.File("www"));
        await File.WriteAllBytesAsync(_temp.File("www/b.zip"), _archive);
        _server = await ArchiveServer.StartAsync(_temp.File("www"));
        _http = ArchiveDownloader.CreateHttpClient();
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
        _temp.Dispose();
    }

    [Fact]
    public async Task A_download_cut_halfway_resumes_with_a_range_request_and_the_hash_is_checked()
    {
        _server.CutHalfway("b.zip");
        var downloader = new ArchiveDownloader(_http, Staging, Loopback);

        var path = await downloader.DownloadAsync([_server.Url("b.zip")], Sha, _archive.Length, 1 << 20, CancellationToken.None);

        Assert.Equal(_archive, await File.ReadAllBytesAsync(path));
        var requests = _server.Requests;
        Assert.Equal(2, requests.Count);
        Assert.Null(requests[0].Range);
        // The cut drops whatever of the first half was still in flight: the resume starts where the received bytes end.
        var resumedAt = int.Parse(requests[1].Range!["bytes=".Length..^1], System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(resumedAt, 1, _archive.Length / 2);
        Assert.False(File.Exists(path + ".part"));
    }

    [Fact]
    public async Task A_partial_file_left_by_an_earlier_run_is_continued_not_fetched_again()
    {
        Directory.CreateDirectory(Staging);
        await File.WriteAllBytesAsync(Path.Combine(Staging, Sha + ".zip.part"), _archive[..100_000]);

        var path = await new ArchiveDownloader(_http, Staging, Loopback).DownloadAsync([_server.Url("b.zip")], Sha, _archive.Length, 1 << 20, CancellationToken.None);

        Assert.Equal(_archive, await File.ReadAllBytesAsync(path));
        Assert.Equal("bytes=100000-", Assert.Single(_server.Requests).Range);
    }

    [Fact]
    public async Task A_partial_file_left_by_a_chunked_receive_over_mqtt_is_not_continued_but_fetched_whole()
    {
        // Laid out by chunks (here: the second 100 000 bytes written, the first still zeros), not a prefix.
        Directory.CreateDirectory(Staging);
        var partial = new byte[200_000];
        _archive.AsSpan(100_000, 100_000).CopyTo(partial.AsSpan(100_000));
        await File.WriteAllBytesAsync(Path.Combine(Staging, Sha + ".zip.part"), partial);
        await File.WriteAllBytesAsync(Path.Combine(Staging, Sha + ".chunks"), new byte[20]);

        var path = await new ArchiveDownloader(_http, Staging, Loopback).DownloadAsync([_server.Url("b.zip")], Sha, _archive.Length, 1 << 20, CancellationToken.None);

        Assert.Equal(_archive, await File.ReadAllBytesAsync(path));
        Assert.Null(Assert.Single(_server.Requests).Range);
        Assert.False(File.Exists(Path.Combine(Staging, Sha + ".chunks")));
    }

    [Fact]
    public async Task A_missing_url_falls_through_to_the_next_one()
    {
        var path = await new ArchiveDownloader(_http, Staging, Loopback).DownloadAsync([_server.Url("gone.zip"), _server.Url("b.zip")], Sha, null, 1 << 20, CancellationToken.None);

        Assert.Equal(_archive, await File.ReadAllBytesAsync(path));
    }

    [Fact]
    public async Task An_archive_over_the_limit_is_refused_before_and_while_downloading()
    {
        var downloader = new ArchiveDownloader(_http, Staging, Loopback);

        var declared = await Assert.ThrowsAsync<UpdateException>(() => downloader.DownloadAsync([_server.Url("b.zip")], Sha, _archive.Length, 1000, CancellationToken.None));
        var requestsBefore = _server.Requests.Count;
        var served = await Assert.ThrowsAsync<UpdateException>(() => downloader.DownloadAsync([_server.Url("b.zip")], Sha, null, 1000, CancellationToken.None));

        Assert.Contains("more than the 1000 allowed", declared.Message, StringComparison.Ordinal);
        Assert.Equal(0, requestsBefore);
        Assert.Contains("more than the 1000 allowed", served.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_archive_whose_hash_differs_is_refused_and_not_kept()
    {
        var wrong = new string('0', 64);

        var error = await Assert.ThrowsAsync<UpdateException>(() => new ArchiveDownloader(_http, Staging, Loopback).DownloadAsync([_server.Url("b.zip")], wrong, null, 1 << 20, CancellationToken.None));

        Assert.Contains($"has SHA-256 {Sha}, not the {wrong}", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(Staging));
    }

    [Fact]
    public async Task A_redirect_to_an_allowed_host_is_followed_and_the_resumed_range_goes_with_it()
    {
        Directory.CreateDirectory(Staging);
        await File.WriteAllBytesAsync(Path.Combine(Staging, Sha + ".zip.part"), _archive[..100_000]);
        _server.Redirect("moved.zip", "/b.zip");

        var path = await new ArchiveDownloader(_http, Staging, Loopback).DownloadAsync([_server.Url("moved.zip")], Sha, _archive.Length, 1 << 20, CancellationToken.None);

        Assert.Equal(_archive, await File.ReadAllBytesAsync(path));
        Assert.Equal([("/moved.zip", "bytes=100000-"), ("/b.zip", "bytes=100000-")], _server.Requests);
    }

    [Theory]
    [InlineData("http://localhost:{port}/b.zip", "redirects elsewhere, which is refused: localhost:{port} is not in updates.archiveHosts")]
    [InlineData("file:///etc/passwd", "redirects to a file: address; a redirect to a non-http(s) or malformed URL was refused")]
    [InlineData("ftp://127.0.0.1/b.zip", "redirects to a ftp: address; a redirect to a non-http(s) or malformed URL was refused")]
    public async Task A_redirect_off_the_allowed_hosts_or_off_http_is_refused_with_what_was_refused_and_never_followed(string location, string reason)
    {
        var port = _server.Port.ToString(CultureInfo.InvariantCulture);
        _server.Redirect("moved.zip", location.Replace("{port}", port, StringComparison.Ordinal));

        var error = await Assert.ThrowsAsync<UpdateException>(() =>
            new ArchiveDownloader(_http, Staging, Loopback).DownloadAsync([_server.Url("moved.zip")], Sha, null, 1 << 20, CancellationToken.None));

        Assert.Contains(reason.Replace("{port}", port, StringComparison.Ordinal), error.Message, StringComparison.Ordinal);
        // localhost is this very server: it was never asked for b.zip.
        Assert.Equal(["/moved.zip"], _server.Requests.Select(r => r.Path));
    }

    [Fact]
    public async Task A_redirect_loop_ends_after_five_redirects()
    {
        _server.Redirect("loop.zip", "/loop.zip");

        var error = await Assert.ThrowsAsync<UpdateException>(() =>
            new ArchiveDownloader(_http, Staging, Loopback).DownloadAsync([_server.Url("loop.zip")], Sha, null, 1 << 20, CancellationToken.None));

        Assert.Contains("redirects more than 5 times", error.Message, StringComparison.Ordinal);
        Assert.Equal(6, _server.Requests.Count);
    }

    [Fact]
    public async Task A_host_not_in_the_list_is_refused_before_any_request()
    {
        var error = await Assert.ThrowsAsync<UpdateException>(() =>
            new ArchiveDownloader(_http, Staging, ArchiveHostList.Of(["models.local"])).DownloadAsync([_server.Url("b.zip")], Sha, null, 1 << 20, CancellationToken.None));

        Assert.Contains($"127.0.0.1:{_server.Port.ToString(CultureInfo.InvariantCulture)} is not in updates.archiveHosts", error.Message, StringComparison.Ordinal);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task A_missing_file_a_server_error_and_a_refused_connection_read_the_same_so_a_reason_maps_no_network()
    {
        _server.Answer("error.zip", 500);
        var closed = FreePort.Pick();
        var urls = new[] { _server.Url("gone.zip"), _server.Url("error.zip"), new Uri($"http://127.0.0.1:{closed.ToString(CultureInfo.InvariantCulture)}/b.zip") };
        var hosts = ArchiveHostList.Of(["127.0.0.1"]);

        var reasons = new List<string>();
        foreach (var url in urls)
        {
            var error = await Assert.ThrowsAsync<UpdateException>(() => new ArchiveDownloader(_http, Staging, hosts).DownloadAsync([url], Sha, null, 1 << 20, CancellationToken.None));
            reasons.Add(error.Message.Replace(url.ToString(), "URL", StringComparison.Ordinal));
        }

        Assert.Equal("the archive could not be downloaded from URL: no usable answer in 3 tries (no connection, a timeout or an HTTP error: the device's log says which)", reasons[0]);
        Assert.Equal([reasons[0], reasons[0]], reasons.Skip(1));
        Assert.Equal(3, _server.Requests.Count(r => r.Path == "/gone.zip"));
        Assert.Equal(3, _server.Requests.Count(r => r.Path == "/error.zip"));
    }

    [Theory]
    [InlineData("file:///etc/passwd")]
    [InlineData("file://")]
    [InlineData("file://127.0.0.1/etc/passwd")]
    public async Task A_redirect_to_a_url_that_is_not_http_or_https_is_refused_saying_so(string location)
    {
        _server.Redirect("moved.zip", location);

        var error = await Assert.ThrowsAsync<UpdateException>(() => new ArchiveDownloader(_http, Staging, Loopback).DownloadAsync([_server.Url("moved.zip")], Sha, null, 1 << 20, CancellationToken.None));

        Assert.True(error.Message.Contains("a redirect to a non-http(s)", StringComparison.Ordinal), error.Message);
        Assert.EndsWith("was refused", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Invalid URI", error.Message, StringComparison.Ordinal);
    }
}
