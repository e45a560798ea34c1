using System.Collections.Concurrent;
using System.Globalization;
using Edge.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Edge.Agent.Tests.Support;

/// <summary>
/// A real HTTP server (Kestrel) on a free loopback port serving the files of one folder, with byte ranges
/// (<c>Range: bytes=N-</c> answered 206), and on request a connection cut after half a file: what a bundle server
/// and a bad network look like to the agent; on request a redirect (any scheme) or an error status instead of a file. Every request is
/// recorded with its Range header.
/// </summary>
public sealed class ArchiveServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<(string Path, string? Range)> _requests = new();
    private readonly ConcurrentDictionary<string, int> _cutsLeft = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _redirects = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _statuses = new(StringComparer.Ordinal);

    private ArchiveServer(string folder)
    {
        Folder = folder;
        Port = FreePort.Pick();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{Port}");
        _app = builder.Build();
        _app.MapGet("/{name}", ServeAsync);
    }

    public string Folder { get; }

    public int Port { get; }

    public IReadOnlyList<(string Path, string? Range)> Requests => [.. _requests];

    public static async Task<ArchiveServer> StartAsync(string folder)
    {
        var server = new ArchiveServer(folder);
        await server._app.StartAsync();
        return server;
    }

    public Uri Url(string name) => new($"http://127.0.0.1:{Port}/{name}");

    /// <summary>The next <paramref name="times"/> full (not ranged) requests for <paramref name="name"/> are cut after half the file.</summary>
    public void CutHalfway(string name, int times = 1) => _cutsLeft[name] = times;

    /// <summary>Requests for <paramref name="name"/> are answered 302 with <c>Location: <paramref name="location"/></c>.</summary>
    public void Redirect(string name, string location) => _redirects[name] = location;

    /// <summary>Requests for <paramref name="name"/> are answered with <paramref name="status"/> and no body.</summary>
    public void Answer(string name, int status) => _statuses[name] = status;

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task ServeAsync(HttpContext context, string name)
    {
        var range = context.Request.Headers.Range.ToString();
        _requests.Enqueue(("/" + name, range.Length == 0 ? null : range));
        if (_redirects.TryGetValue(name, out var location))
        {
            context.Response.StatusCode = StatusCodes.Status302Found;
            context.Response.Headers.Location = location;
            return;
        }
        if (_statuses.TryGetValue(name, out var status))
        {
            context.Response.StatusCode = status;
            return;
        }
        var path = Path.Combine(Folder, name);
        if (!File.Exists(path))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        var content = await File.ReadAllBytesAsync(path);
        var from = 0;
        if (range.StartsWith("bytes=", StringComparison.Ordinal) && range.EndsWith('-'))
        {
            from = int.Parse(range["bytes=".Length..^1], CultureInfo.InvariantCulture);
            if (from >= content.Length)
            {
                context.Response.StatusCode = StatusCodes.Status416RangeNotSatisfiable;
                return;
            }
            context.Response.StatusCode = StatusCodes.Status206PartialContent;
            context.Response.Headers.ContentRange = $"bytes {from}-{content.Length - 1}/{content.Length}";
        }
        context.Response.ContentLength = content.Length - from;
        if (from == 0 && _cutsLeft.TryGetValue(name, out var left) && left > 0)
        {
            _cutsLeft[name] = left - 1;
            await context.Response.Body.WriteAsync(content.AsMemory(0, content.Length / 2));
            await context.Response.Body.FlushAsync();
            context.Abort();
            return;
        }
        await context.Response.Body.WriteAsync(content.AsMemory(from));
    }
}
