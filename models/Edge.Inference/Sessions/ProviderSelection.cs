using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.ML.OnnxRuntime;

namespace Edge.Inference.Sessions;

/// <summary>Tries the configured execution providers in order and appends the first one this ONNX Runtime build has.</summary>
internal static class ProviderSelection
{
    public static string NativeName(ExecutionProvider provider) => provider switch
    {
        ExecutionProvider.TensorRt => "TensorrtExecutionProvider",
        ExecutionProvider.Cuda => "CUDAExecutionProvider",
        _ => "CPUExecutionProvider",
    };

    public static ExecutionProvider Apply(SessionOptions options, SessionSettings settings, IReadOnlyList<string> available, ILogger logger)
    {
        var missing = new List<string>();
        foreach (var provider in settings.Providers)
        {
            if (!available.Contains(NativeName(provider)))
            {
                var message = $"the {provider} execution provider is not available in this ONNX Runtime build (it has: {string.Join(", ", available)})";
                if (!settings.AllowFallback)
                {
                    throw new InferenceException(InferenceErrorCode.ProviderUnavailable,
                        $"{char.ToUpperInvariant(message[0])}{message[1..]}. Install an ONNX Runtime built with it and set EDGE_ORT_LIBRARY, or allow fallback to the next provider.");
                }
                logger.LogWarning("Skipping {Provider}: {Reason}; trying the next configured provider", provider, message);
                missing.Add(provider.ToString());
                continue;
            }
            Append(options, provider, settings, available);
            return provider;
        }
        throw new InferenceException(InferenceErrorCode.ProviderUnavailable,
            $"None of the configured execution providers is available ({string.Join(", ", missing)}); add Cpu to the list to run without an accelerator.");
    }

    private static void Append(SessionOptions options, ExecutionProvider provider, SessionSettings settings, IReadOnlyList<string> available)
    {
        switch (provider)
        {
            case ExecutionProvider.TensorRt:
                using (var trt = new OrtTensorRTProviderOptions())
                {
                    var values = new Dictionary<string, string>
                    {
                        ["device_id"] = settings.CudaDeviceId.ToString(CultureInfo.InvariantCulture),
                        ["trt_fp16_enable"] = settings.TensorRt.Fp16 ? "1" : "0",
                        ["trt_max_workspace_size"] = settings.TensorRt.WorkspaceBytes.ToString(CultureInfo.InvariantCulture),
                    };
                    if (settings.TensorRt.EngineCacheFolder is { } engines)
                    {
                        values["trt_engine_cache_enable"] = "1";
                        values["trt_engine_cache_path"] = engines;
                    }
                    if (settings.TensorRt.TimingCacheFolder is { } timing)
                    {
                        values["trt_timing_cache_enable"] = "1";
                        values["trt_timing_cache_path"] = timing;
                    }
                    trt.UpdateOptions(values);
                    options.AppendExecutionProvider_Tensorrt(trt);
                }
                // Nodes TensorRT cannot take run on CUDA rather than falling back to the CPU.
                if (available.Contains(NativeName(ExecutionProvider.Cuda)))
                {
                    options.AppendExecutionProvider_CUDA(settings.CudaDeviceId);
                }
                break;
            case ExecutionProvider.Cuda:
                options.AppendExecutionProvider_CUDA(settings.CudaDeviceId);
                break;
            default:
                options.AppendExecutionProvider_CPU(0);
                break;
        }
    }
}
