using Edge.Agent.Commands;
using Edge.Agent.Configuration;
using Edge.Bundles.Validation;
using Edge.Detection;
using Edge.Inference;
using Edge.Inference.Runtime;
using Edge.Inference.Sessions;
using Microsoft.Extensions.Logging;

namespace Edge.Agent.Pipeline;

/// <summary>
/// Opens a bundle the way the agent trusts one: verified files, every graph loaded on the configured execution
/// providers, and the manifest's golden input giving its expected outputs (the canary check). Anything wrong is
/// one <see cref="StartupException"/> that says what.
/// </summary>
public static partial class ModelLoader
{
    public static ActiveModel Load(string bundleFolder, OnnxRuntimeConfig runtime, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        if (string.IsNullOrEmpty(bundleFolder))
        {
            throw new StartupException("model.bundle is empty: set it to the folder of an exported bundle");
        }
        BundleModel model;
        try
        {
            OrtRuntime.Initialize(logger, runtime.Library);
            model = BundleModel.Open(bundleFolder, Settings(runtime), logger);
        }
        catch (Exception e) when (e is BundleException or InferenceException or ArgumentException or IOException)
        {
            throw new StartupException($"the model bundle '{bundleFolder}' cannot be used: {e.Message}", e);
        }
        try
        {
            var check = GoldenCheck.Run(model);
            if (!check.Passed)
            {
                throw new StartupException($"the model bundle '{bundleFolder}' failed its golden check on {model.Provider}: {check.Failure}");
            }
            LogLoaded(logger, model.Manifest.ModelVersion.ToString(), model.Provider.ToString(), check.WorstDifference, check.Elapsed.TotalMilliseconds);
            var thresholds = model.Manifest.Thresholds;
            return new ActiveModel(model, thresholds?.Image, thresholds?.Pixel) { CheckTime = check.Elapsed };
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    public static SessionSettings Settings(OnnxRuntimeConfig runtime) => new()
    {
        Providers = runtime.Providers,
        AllowFallback = runtime.AllowFallback,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Model {Version} loaded on {Provider}; golden check passed (largest difference {Difference:G3}, one detection {Milliseconds:F1} ms)")]
    private static partial void LogLoaded(ILogger logger, string version, string provider, double difference, double milliseconds);
}
