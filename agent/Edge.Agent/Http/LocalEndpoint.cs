using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Edge.Agent.Configuration;
using Edge.Agent.Health;
using Edge.Agent.Pipeline;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Edge.Agent.Http;

/// <summary>
/// The local HTTP endpoint (ASP.NET Core's Kestrel, loopback by default): <c>/healthz</c>, <c>/metrics</c> in
/// Prometheus text format, <c>/</c> the status page (<c>?camera=</c> and <c>?page=</c> for its alarms) with
/// <c>/cameras/{name}/latest.jpg</c>, <c>/alarms/{id}</c> and its <c>snapshot.jpg</c>, and the page's own style and script. With <c>http.tls</c> it
/// serves HTTPS only, and with <c>http.auth</c> every path answers 401 to a request without the token. It runs its
/// own small web application beside the agent's generic host, started and stopped with it.
/// </summary>
public sealed partial class LocalEndpoint : IHostedService, IAsyncDisposable
{
    private readonly HttpConfig _config;
    private readonly AgentConfig _agent;
    private readonly HealthMetrics _metrics;
    private readonly PipelineProgress _progress;
    private readonly LiveView _live;
    private readonly ILogger<LocalEndpoint> _logger;
    private WebApplication? _app;
    private X509Certificate2? _certificate;

    public LocalEndpoint(AgentConfig agent, HealthMetrics metrics, PipelineProgress progress, LiveView live, ILogger<LocalEndpoint> logger)
    {
        _agent = agent;
        _config = agent.Http;
        _metrics = metrics;
        _progress = progress;
        _live = live;
        _logger = logger;
    }

    /// <summary>The address Kestrel listens on once started (the real port when the config asked for port 0).</summary>
    public Uri? Address { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = "edge-agent" });
        builder.Logging.ClearProviders();
        _certificate = _config.Tls is { } tls ? LoadCertificate(tls) : null;
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Parse(_config.Bind), _config.Port, listen =>
        {
            if (_certificate is not null)
            {
                listen.UseHttps(_certificate);
            }
        }));
        var app = builder.Build();
        if (_config.Auth is { } auth)
        {
            var access = new TokenAccess(auth);
            app.Use(async (context, next) =>
            {
                if (!access.Allows(context.Request.Headers.Authorization))
                {
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    context.Response.Headers.WWWAuthenticate = TokenAccess.Challenge;
                    return;
                }
                await next(context).ConfigureAwait(false);
            });
        }
        app.MapGet("/healthz", Healthz);
        app.MapGet("/metrics", () => Results.Text(PrometheusText.Format(Report(), _progress.IsReady, _live.Scores), PrometheusText.ContentType));
        app.MapGet("/", (string? camera, int? page) => Html(StatusPage.Render(
            Report(), _metrics.ModelUpdate, _progress.IsReady, _live, _agent.Site, _agent.Device, string.IsNullOrEmpty(camera) ? null : camera, page ?? 1)));
        app.MapGet("/cameras/{name}/latest.jpg", (string name) => _live.LatestJpeg(name) is { } jpeg ? Results.File(jpeg, "image/jpeg") : Results.NotFound());
        app.MapGet("/alarms/{id:guid}", (Guid id) => _live.FindAlarm(id) is { } alarm ? Html(AlarmDetailPage.Render(alarm)) : Results.NotFound());
        // Only the snapshot an alarm names is served, never a path from the request; one the quota removed is gone.
        app.MapGet("/alarms/{id:guid}/snapshot.jpg", (Guid id) => _live.FindAlarm(id)?.Snapshot is { } path && File.Exists(path)
            ? Results.File(Path.GetFullPath(path), "image/jpeg") : Results.NotFound());
        app.MapGet(PageAssets.StylePath, () => Results.Bytes(PageAssets.Style, "text/css; charset=utf-8"));
        app.MapGet(PageAssets.ScriptPath, () => Results.Bytes(PageAssets.Script, "text/javascript; charset=utf-8"));
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw new Commands.StartupException($"the local HTTP endpoint cannot listen on {_config.Bind}:{_config.Port}: {e.Message} (set http.port, or http.enabled false)", e);
        }
        _app = app;
        Address = new Uri(app.Urls.First());
        LogListening(_logger, Address);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is not null)
        {
            await _app.StopAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync().ConfigureAwait(false);
        }
        _certificate?.Dispose();
    }

    private static X509Certificate2 LoadCertificate(HttpTlsConfig tls)
    {
        try
        {
            return TlsFiles.CertificateWithKey(tls.CertFile, tls.KeyFile);
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new Commands.StartupException($"the local HTTP endpoint's certificate cannot be loaded from {tls.CertFile} and {tls.KeyFile}: {e.Message} (http.tls)", e);
        }
    }

    private static IResult Html(string page) => Results.Content(page, "text/html; charset=utf-8");

    private HealthReport Report() => _metrics.Snapshot(_progress.State);

    /// <summary>200 once the pipeline is ready and, with cameras, frames flow; 503 with the reason otherwise.</summary>
    private IResult Healthz()
    {
        var report = Report();
        string? problem = !_progress.IsReady ? $"not ready: {_progress.State}"
            : report.Cameras.Count > 0 && report.Fps <= 0 ? "no frames are being processed"
            : null;
        var body = JsonSerializer.Serialize(new { status = problem is null ? "ok" : "unhealthy", reason = problem, state = report.State, fps = report.Fps, modelVersion = report.ModelVersion });
        return Results.Content(body, "application/json", statusCode: problem is null ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Local HTTP endpoint on {Address}")]
    private static partial void LogListening(ILogger logger, Uri address);
}
