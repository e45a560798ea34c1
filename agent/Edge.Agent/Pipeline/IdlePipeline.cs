namespace Edge.Agent.Pipeline;

/// <summary>
/// The pipeline of an agent with no cameras: ready at once, and a heartbeat per turn of its loop so that
/// the watchdog still sees a live process (there are no frames whose flow could prove it).
/// </summary>
public sealed class IdlePipeline : IFramePipeline
{
    private readonly TimeSpan _beatInterval;

    public IdlePipeline(TimeSpan? beatInterval = null)
    {
        _beatInterval = beatInterval ?? TimeSpan.FromMilliseconds(250);
    }

    public async Task RunAsync(PipelineProgress progress, CancellationToken stoppingToken)
    {
        ArgumentNullException.ThrowIfNull(progress);
        progress.ReportState("idle (no cameras)");
        progress.ReportReady();
        using var timer = new PeriodicTimer(_beatInterval);
        try
        {
            do
            {
                progress.Heartbeat();
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }
}
