using Edge.Agent.Configuration;
using Edge.Agent.Pipeline;
using Edge.Agent.Tests.Support;
using Edge.Bundles.Files;
using Edge.Inference.Sessions;
using Edge.Testing;

namespace Edge.Agent.Tests.Pipeline;

/// <summary>The engine cache key; no GPU or TensorRT here, so the probes are checked for what they say without one.</summary>
[Collection(TrainedBundleCollection.Name)]
public sealed class TensorRtEngineCacheTests(TrainedBundle bundle) : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void The_folder_names_graphs_tensorrt_version_gpu_and_precision_so_each_change_builds_anew()
    {
        var hash = new string('a', 64);

        var folder = TensorRtEngineCache.FolderFor("/cache", hash, "100300", "Orin (nvgpu)", fp16: true);

        Assert.Equal("/cache/aaaaaaaaaaaaaaaa-trt100300-Orin__nvgpu-fp16", folder);
        Assert.NotEqual(folder, TensorRtEngineCache.FolderFor("/cache", hash, "100301", "Orin (nvgpu)", fp16: true));
        Assert.NotEqual(folder, TensorRtEngineCache.FolderFor("/cache", hash, "100300", "NVIDIA H200", fp16: true));
        Assert.NotEqual(folder, TensorRtEngineCache.FolderFor("/cache", hash, "100300", "Orin (nvgpu)", fp16: false));
        Assert.NotEqual(folder, TensorRtEngineCache.FolderFor("/cache", new string('b', 64), "100300", "Orin (nvgpu)", fp16: true));
    }

    [Fact]
    public void A_recalibrated_bundle_keeps_its_graphs_hash_and_a_changed_graph_does_not()
    {
        var original = Bundle.Open(bundle.Folder).Manifest;
        var calibrated = Bundle.Open(bundle.CalibratedCopy(_temp)).Manifest;
        var files = original.Files.ToDictionary(f => f.Key, f => f.Key == "decoder.onnx" ? f.Value with { Sha256 = new string('0', 64) } : f.Value);

        Assert.Equal(TensorRtEngineCache.GraphsHash(original), TensorRtEngineCache.GraphsHash(calibrated));
        Assert.NotEqual(TensorRtEngineCache.GraphsHash(original), TensorRtEngineCache.GraphsHash(original with { Files = files }));
    }

    [Fact]
    public void Without_tensorrt_installed_the_version_probe_says_none()
    {
        Assert.Equal("none", TensorRtEngineCache.TensorRtVersion());
    }

    [Fact]
    public void Where_onnx_runtime_has_no_tensorrt_loading_makes_no_engine_cache_folder()
    {
        var root = _temp.File("tensorrt");

        using var model = ModelLoader.Load(bundle.Folder, new OnnxRuntimeConfig(), Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, root);

        Assert.Contains(ExecutionProvider.TensorRt, new OnnxRuntimeConfig().Providers);
        Assert.False(Directory.Exists(root));
    }

    [Fact]
    public void Session_settings_carry_the_cache_and_the_precision_from_the_config()
    {
        var settings = ModelLoader.Settings(new OnnxRuntimeConfig { TensorRtFp16 = false }, "/state/tensorrt/x");

        Assert.Equal("/state/tensorrt/x", settings.TensorRt.EngineCacheFolder);
        Assert.Equal("/state/tensorrt", settings.TensorRt.TimingCacheFolder);
        Assert.False(settings.TensorRt.Fp16);
        Assert.Equal([ExecutionProvider.TensorRt, ExecutionProvider.Cuda, ExecutionProvider.Cpu], settings.Providers);
    }
}
