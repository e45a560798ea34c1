using System.Reflection;
using System.Runtime.InteropServices;
using Microsoft.ML.OnnxRuntime;

namespace Edge.Inference.Runtime;

/// <summary>
/// Chooses which native ONNX Runtime the managed API loads. A configured library (<c>EDGE_ORT_LIBRARY</c>, or a path
/// passed to <see cref="Configure"/>) wins over the CPU build that the NuGet package brings: that is how a Jetson runs
/// its TensorRT-enabled ONNX Runtime with the same managed code. Must run before ONNX Runtime is first used;
/// <see cref="OrtRuntime"/> does it for you.
/// </summary>
public static class OrtNativeLibrary
{
    public const string EnvironmentVariable = "EDGE_ORT_LIBRARY";

    // The name ONNX Runtime's managed code gives every DllImport.
    private const string ImportName = "onnxruntime";

    private static readonly Lock Gate = new();
    private static bool _registered;
    private static string? _configuredPath;
    private static IntPtr _handle;

    /// <summary>The library path in force, or null for the packaged one.</summary>
    public static string? ConfiguredPath
    {
        get
        {
            lock (Gate)
            {
                return _configuredPath;
            }
        }
    }

    /// <summary>
    /// Registers the resolver once. <paramref name="path"/> null takes <c>EDGE_ORT_LIBRARY</c> (unset: the packaged
    /// library). Calling again with the same choice does nothing; another library after ONNX Runtime has loaded throws.
    /// </summary>
    public static void Configure(string? path = null)
    {
        path ??= Environment.GetEnvironmentVariable(EnvironmentVariable);
        path = string.IsNullOrWhiteSpace(path) ? null : Path.GetFullPath(path);
        lock (Gate)
        {
            if (_registered)
            {
                if (!string.Equals(path, _configuredPath, StringComparison.Ordinal) && (path is not null || _handle != IntPtr.Zero))
                {
                    throw new InvalidOperationException(
                        $"ONNX Runtime is already set up with {_configuredPath ?? "the packaged library"}; it cannot switch to {path ?? "the packaged library"} in a running process.");
                }
                return;
            }
            if (path is not null && !File.Exists(path))
            {
                throw new InferenceException(InferenceErrorCode.NoSuchFile,
                    $"The configured ONNX Runtime library '{path}' (from {EnvironmentVariable} or the configuration) does not exist.");
            }
            // ORT registers a resolver of its own on first use unless told not to; ours replaces it.
            OrtEnv.DisableDllImportResolver = true;
            try
            {
                NativeLibrary.SetDllImportResolver(typeof(OrtEnv).Assembly, Resolve);
            }
            catch (InvalidOperationException) when (path is null)
            {
                // Code outside this class used ONNX Runtime first and so loaded the packaged library: that is the
                // library asked for, and it stays.
            }
            catch (InvalidOperationException e)
            {
                throw new InvalidOperationException(
                    $"ONNX Runtime was already loaded (the packaged library) before '{path}' could be configured; configure it before any other ONNX Runtime use.", e);
            }
            _configuredPath = path;
            _registered = true;
        }
    }

    private static IntPtr Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (libraryName != ImportName || _configuredPath is null)
        {
            return IntPtr.Zero; // the default probing: the packaged runtimes/<rid>/native library
        }
        lock (Gate)
        {
            if (_handle != IntPtr.Zero)
            {
                return _handle;
            }
            try
            {
                _handle = NativeLibrary.Load(_configuredPath);
            }
            catch (DllNotFoundException e)
            {
                throw new DllNotFoundException(
                    $"Could not load the configured ONNX Runtime library '{_configuredPath}' (tried that path only, as {EnvironmentVariable} asks): {e.Message}", e);
            }
            return _handle;
        }
    }
}
