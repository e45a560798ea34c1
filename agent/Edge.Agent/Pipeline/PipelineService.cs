using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Edge.Agent.Pipeline;

/// <summary>
/// Runs the <see cref="IFramePipeline"/> for the host. A pipeline that fails stops the agent with exit
/// code 1 and its reason in one log line, so that systemd restarts it (and gives up after its burst limit).
/// </summary>
public sealed partial class PipelineService : BackgroundService
{
    private readonly IFramePipeline _pipeline;
    private readonly PipelineProgress _progress;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly ILogger<PipelineService> _logger;

    public PipelineService(IFramePipeline pipeline, PipelineProgress progress, IHostApplicationLifetime lifetime, ILogger<PipelineService> logger)
    {
        _pipeline = pipeline;
        _progress = progress;
        _lifetime = lifetime;
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await _pipeline.RunAsync(_progress, stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
#pragma warning disable CA1031 // Any failure of the pipeline ends the agent with a message, never silently.
        catch (Exception e)
#pragma warning restore CA1031
        {
            _progress.ReportState("failed");
            LogFailed(_logger, e.Message, e);
            Environment.ExitCode = 1;
            _lifetime.StopApplication();
        }
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "The frame pipeline failed: {Reason}")]
    private static partial void LogFailed(ILogger logger, string reason, Exception exception);
}
