using System.Globalization;
using Edge.Agent.Commands;
using Edge.Agent.Configuration;
using Edge.Agent.Pipeline;
using Microsoft.Extensions.Logging;

namespace Edge.Agent.Updates.Install;

/// <summary>
/// Validation of a verified bundle before it may go live: every graph loaded on the configured execution providers
/// (with TensorRT, the engines are built now, into the engine cache, so the switch does not stall the cameras), the
/// golden input giving its expected outputs, the latency budget, and what the agent checks at start: the cameras'
/// classes and a threshold for every camera, or with no cameras a calibrated bundle or <c>alarms.threshold</c>.
/// </summary>
public static class CandidateCheck
{
    /// <returns>The loaded model, ready to swap in (the caller owns it).</returns>
    /// <exception cref="UpdateException">Why the bundle cannot go live.</exception>
    public static ActiveModel Load(string folder, AgentConfig config, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(config);
        ActiveModel model;
        try
        {
            model = ModelLoader.Load(folder, config.OnnxRuntime, logger, config.EngineCacheDirectory);
        }
        catch (StartupException e)
        {
            throw Invalid(e);
        }
        try
        {
            var budget = config.Updates.LatencyBudgetMs;
            if (budget > 0 && model.CheckTime.TotalMilliseconds > budget)
            {
                throw new UpdateException(string.Create(CultureInfo.InvariantCulture,
                    $"validation failed: one detection of model {model.Version} took {model.CheckTime.TotalMilliseconds:F1} ms on {model.Model.Provider}, over the {budget} ms budget (updates.latencyBudgetMs)"));
            }
            try
            {
                // The rule the next start applies: a bundle that passed here and then stopped a restart would leave the device down.
                CameraScorer.Check(config, model);
            }
            catch (StartupException e)
            {
                throw Invalid(e);
            }
            return model;
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    private static UpdateException Invalid(StartupException e) => new($"validation failed: {e.Message}", e);
}
