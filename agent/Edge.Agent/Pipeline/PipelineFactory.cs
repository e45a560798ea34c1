using Edge.Agent.Configuration;
using Edge.Agent.Health;
using Edge.Agent.Commands;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Edge.Agent.Pipeline;

/// <summary>Picks the pipeline <c>run</c> hosts: idle without cameras, capture only with <c>--no-model</c>.</summary>
public static class PipelineFactory
{
    /// <exception cref="StartupException">Cameras need the inference pipeline, which this build does not have yet.</exception>
    public static Func<IServiceProvider, IFramePipeline> Choose(AgentConfig config, bool noModel)
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
        throw new StartupException(
            "scoring cameras needs the inference pipeline, which is not in this build; run with --no-model to capture without scoring");
    }
}
