using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using Edge.Bundles.Manifest;

namespace Edge.Agent.Pipeline;

/// <summary>
/// Where TensorRT keeps the engines it builds for a bundle: one folder per graph content, TensorRT version, GPU and
/// precision, so an engine is built once (at validation, not at the switch), never reused across a TensorRT upgrade,
/// a different GPU or a precision change, and a recalibrated bundle (same graphs, new thresholds) reuses it.
/// </summary>
public static class TensorRtEngineCache
{
    private static readonly string[] InferLibraries = ["libnvinfer.so.10", "libnvinfer.so.8", "libnvinfer.so"];

    /// <summary>The cache folder under <paramref name="root"/> for the bundle whose manifest is <paramref name="manifest"/>.</summary>
    public static string FolderFor(string root, BundleManifest manifest, bool fp16) =>
        FolderFor(root, GraphsHash(manifest), TensorRtVersion(), GpuName(), fp16);

    public static string FolderFor(string root, string graphsHash, string tensorRtVersion, string gpu, bool fp16) =>
        Path.Combine(root, $"{graphsHash[..16]}-trt{Safe(tensorRtVersion)}-{Safe(gpu)}-{(fp16 ? "fp16" : "fp32")}");

    /// <summary>SHA-256 over the graph files' own hashes, in name order: changes exactly when a graph does.</summary>
    public static string GraphsHash(BundleManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var graphs = manifest.Files
            .Where(f => f.Key.EndsWith(BundleFileNames.GraphExtension, StringComparison.Ordinal))
            .OrderBy(f => f.Key, StringComparer.Ordinal)
            .Select(f => $"{f.Key}={f.Value.Sha256}\n");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Concat(graphs))));
    }

    /// <summary>TensorRT's own version number (<c>getInferLibVersion</c>), or "none" where TensorRT is not installed.</summary>
    public static unsafe string TensorRtVersion()
    {
        foreach (var name in InferLibraries)
        {
            if (NativeLibrary.TryLoad(name, out var library))
            {
                try
                {
                    if (NativeLibrary.TryGetExport(library, "getInferLibVersion", out var export))
                    {
                        return ((delegate* unmanaged<int>)export)().ToString(CultureInfo.InvariantCulture);
                    }
                }
                finally
                {
                    NativeLibrary.Free(library);
                }
            }
        }
        return "none";
    }

    /// <summary>The GPU's model as the NVIDIA driver (or a Jetson's device tree) names it; "unknown-gpu" elsewhere.</summary>
    public static string GpuName()
    {
        const string Gpus = "/proc/driver/nvidia/gpus";
        if (Directory.Exists(Gpus))
        {
            foreach (var information in Directory.EnumerateDirectories(Gpus).Order(StringComparer.Ordinal).Select(d => Path.Combine(d, "information")).Where(File.Exists))
            {
                var model = File.ReadLines(information).FirstOrDefault(l => l.StartsWith("Model:", StringComparison.Ordinal));
                if (model is not null)
                {
                    return model["Model:".Length..].Trim();
                }
            }
        }
        const string DeviceTree = "/proc/device-tree/model";
        return File.Exists(DeviceTree) ? File.ReadAllText(DeviceTree).TrimEnd('\0', '\n') : "unknown-gpu";
    }

    private static string Safe(string text)
    {
        var safe = new string(text.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' ? c : '_').ToArray()).Trim('_');
        return safe.Length == 0 ? "unknown" : safe[..Math.Min(safe.Length, 48)];
    }
}
