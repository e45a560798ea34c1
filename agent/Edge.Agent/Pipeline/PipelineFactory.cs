using Edge.Agent.Alarms;
using Edge.Agent.Configuration;
using Edge.Agent.Health;
using Edge.Agent.Commands;
using Edge.Agent.Updates.Startup;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Edge.Agent.Pipeline;

/// <summary>Picks the pipeline <c>run</c> hosts: idle without cameras, capture only with <c>--no-model</c>, else inference.</summary>
public static class PipelineFactory
{
    /// <summary>
    /// With cameras and a model, loads and canary-checks the active bundle now (the one <paramref name="updates"/> picked:
    /// the installed one, or the configured one), so a missing, damaged or failing bundle
    /// stops the start with one clear <see cref="StartupException"/> before anything else runs.
    /// </summary>
    public static Func<IServiceProvider, IFramePipeline> Choose(AgentConfig config, bool noModel, ILoggerFactory? loggers = null, UpdateStartup? updates = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (config.Cameras.Count == 0)
        {
            return _ => new IdlePipeline();
        }
        if (noModel)
        {
            return sp => new CaptureOnlyPipeline(
                config.Cameras, sp.GetRequiredService<HealthMetrics>(), sp.GetRequiredService<ILoggerFactory>());
        }
        var logger = (loggers ?? Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance).CreateLogger("Edge.Agent.Model");
        var model = updates is null ? ModelLoader.Load(config.Model.Bundle, config.OnnxRuntime, logger, config.EngineCacheDirectory) : updates.LoadActive(config.OnnxRuntime, logger);
        return sp => new InferencePipeline(
            config, model, sp.GetRequiredService<AlarmPublisher>(), sp.GetRequiredService<HealthMetrics>(), sp.GetRequiredService<ILoggerFactory>(),
            sp.GetService<Http.LiveView>());
    }
}
