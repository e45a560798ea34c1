using Edge.Agent.Alarms;
using Edge.Agent.Configuration;
using Edge.Agent.Health;
using Edge.Agent.Commands;
using Edge.Agent.Updates.Startup;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Edge.Agent.Pipeline;

/// <summary>Picks the pipeline <c>run</c> hosts: idle without cameras, capture only with <c>--no-model</c>, else inference.</summary>
public static partial class PipelineFactory
{
    /// <summary>
    /// Unless <paramref name="noModel"/>, loads and canary-checks the active bundle now (the one <paramref name="updates"/>
    /// picked: the installed one, or the configured one) and checks that the cameras can alarm with it, so that a missing,
    /// damaged, failing or uncalibrated bundle stops the start with one clear <see cref="StartupException"/> before the
    /// agent connects. Without cameras a bundle that is there is checked all the same (and let go: nothing scores); one
    /// that is not there yet (a new device waiting for its first over-the-air install) leaves the agent idle.
    /// </summary>
    public static Func<IServiceProvider, IFramePipeline> Choose(AgentConfig config, bool noModel, ILoggerFactory? loggers = null, UpdateStartup? updates = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (noModel)
        {
            return config.Cameras.Count == 0
                ? _ => new IdlePipeline()
                : sp => new CaptureOnlyPipeline(config.Cameras, sp.GetRequiredService<HealthMetrics>(), sp.GetRequiredService<ILoggerFactory>());
        }
        var logger = (loggers ?? Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance).CreateLogger("Edge.Agent.Model");
        var folder = updates?.ActiveFolder ?? config.Model.Bundle;
        if (config.Cameras.Count == 0 && !Directory.Exists(folder))
        {
            LogNoBundleYet(logger, folder);
            return _ => new IdlePipeline();
        }
        var model = updates is null ? ModelLoader.Load(config.Model.Bundle, config.OnnxRuntime, logger, config.EngineCacheDirectory) : updates.LoadActive(config.OnnxRuntime, logger);
        try
        {
            CameraScorer.Check(config, model);
        }
        catch
        {
            model.Dispose();
            throw;
        }
        if (config.Cameras.Count == 0)
        {
            model.Dispose();
            return _ => new IdlePipeline();
        }
        return sp => new InferencePipeline(
            config, model, sp.GetRequiredService<AlarmPublisher>(), sp.GetRequiredService<HealthMetrics>(), sp.GetRequiredService<ILoggerFactory>(),
            sp.GetService<Http.LiveView>());
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No model bundle at {Folder} yet: running idle (no cameras) until one is installed")]
    private static partial void LogNoBundleYet(ILogger logger, string folder);
}
