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
    /// <param name="engineCacheRoot">Where TensorRT engines are cached (one folder per graphs, TensorRT version, GPU and precision); null: none.</param>
    public static ActiveModel Load(string bundleFolder, OnnxRuntimeConfig runtime, ILogger logger, string? engineCacheRoot = null)
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
            model = BundleModel.Open(bundleFolder, Settings(runtime, EngineCacheFor(bundleFolder, runtime, engineCacheRoot)), logger);
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

    public static SessionSettings Settings(OnnxRuntimeConfig runtime, string? engineCache = null) => new()
    {
        Providers = runtime.Providers,
        AllowFallback = runtime.AllowFallback,
        TensorRt = new TensorRtSettings
        {
            Fp16 = runtime.TensorRtFp16,
            EngineCacheFolder = engineCache,
            TimingCacheFolder = engineCache is null ? null : Path.GetDirectoryName(engineCache),
        },
    };

    /// <summary>The engine cache folder for this bundle when TensorRT is configured and available, else null (nothing to cache).</summary>
    private static string? EngineCacheFor(string bundleFolder, OnnxRuntimeConfig runtime, string? root)
    {
        // Only where this ONNX Runtime has TensorRT: elsewhere there is nothing to cache, and no probing or empty folder is owed.
        if (root is null || !runtime.Providers.Contains(ExecutionProvider.TensorRt)
            || !OrtRuntime.IsAvailable(ExecutionProvider.TensorRt))
        {
            return null;
        }
        var path = Path.Combine(bundleFolder, Edge.Bundles.Manifest.BundleFileNames.Manifest);
        Edge.Bundles.Manifest.BundleManifest manifest;
        try
        {
            manifest = Edge.Bundles.Manifest.ManifestSerializer.Parse(File.ReadAllBytes(path));
        }
        catch (Exception e) when (e is IOException or BundleException or UnauthorizedAccessException)
        {
            return null; // Opening the bundle next says what is wrong with it, in its own words.
        }
        var folder = TensorRtEngineCache.FolderFor(root, manifest, runtime.TensorRtFp16);
        Directory.CreateDirectory(folder);
        return folder;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Model {Version} loaded on {Provider}; golden check passed (largest difference {Difference:G3}, one detection {Milliseconds:F1} ms)")]
    private static partial void LogLoaded(ILogger logger, string version, string provider, double difference, double milliseconds);
}
