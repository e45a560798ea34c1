using System.Reflection;
using System.Runtime.InteropServices;

namespace Edge.Torch.Native;

/// <summary>
/// Finds and loads libedge_torch.so, in this order: the <c>EDGE_TORCH_SHIM</c> environment variable
/// (when set, nothing else is tried), the application folder and this assembly's folder, then a
/// <c>build/native/libedge_torch.so</c> in any folder above the application folder (a source checkout
/// after <c>make build</c>). A failure lists every path tried.
/// </summary>
internal static class ShimLibrary
{
    public const string FileName = "libedge_torch.so";
    public const string PathVariable = "EDGE_TORCH_SHIM";

    /// <summary>Must equal kAbiVersion in trainer/native/runtime.cpp.</summary>
    private const int ExpectedAbiVersion = 2;

    private static readonly Lazy<nint> Handle = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);
    private static int registered;

    public static void RegisterResolver()
    {
        if (Interlocked.Exchange(ref registered, 1) == 0)
        {
            NativeLibrary.SetDllImportResolver(typeof(ShimLibrary).Assembly, Resolve);
        }
    }

    private static nint Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath) =>
        libraryName == Interop.Shim.Library ? Handle.Value : 0;

    private static nint Load()
    {
        var tried = new List<string>();
        var candidates = Candidates(Environment.GetEnvironmentVariable(PathVariable), AppContext.BaseDirectory,
            Path.GetDirectoryName(typeof(ShimLibrary).Assembly.Location));
        foreach (var candidate in candidates)
        {
            if (!File.Exists(candidate))
            {
                tried.Add($"{candidate} (not found)");
                continue;
            }
            if (!NativeLibrary.TryLoad(candidate, out var library))
            {
                // The file is there but its dependencies (libtorch) are not: dlopen's reason is in the exception.
                tried.Add($"{candidate} (found, but could not be loaded: {DlopenError(candidate)})");
                continue;
            }
            CheckAbi(library, candidate);
            return library;
        }
        throw new DllNotFoundException(FailureMessage(tried));
    }

    /// <summary>The loading error: every path tried and what to do about it.</summary>
    internal static string FailureMessage(IEnumerable<string> tried) =>
        $"The libtorch shim {FileName} could not be loaded. Tried:{Environment.NewLine}  " +
        string.Join(Environment.NewLine + "  ", tried) + Environment.NewLine +
        "Build it with `make build` at the repository root (it needs cmake, g++ and libtorch: `make setup` " +
        $"or `apt-get install libtorch-dev`), or set {PathVariable} to the library's full path.";

    /// <summary>The paths to try, in order (see the class summary).</summary>
    internal static IEnumerable<string> Candidates(string? explicitPath, string baseDirectory, string? assemblyDirectory)
    {
        if (!string.IsNullOrEmpty(explicitPath))
        {
            yield return Path.GetFullPath(explicitPath);
            yield break;
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var folder in new[] { baseDirectory, assemblyDirectory })
        {
            if (!string.IsNullOrEmpty(folder) && seen.Add(Path.GetFullPath(Path.Combine(folder, FileName))))
            {
                yield return Path.GetFullPath(Path.Combine(folder, FileName));
            }
        }
        for (var folder = new DirectoryInfo(baseDirectory); folder != null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "build", "native", FileName);
            if (seen.Add(candidate))
            {
                yield return candidate;
            }
        }
    }

    private static string DlopenError(string path)
    {
        try
        {
            NativeLibrary.Free(NativeLibrary.Load(path));
            return "unknown reason";
        }
        catch (DllNotFoundException e)
        {
            return e.Message;
        }
        catch (BadImageFormatException e)
        {
            return e.Message;
        }
    }

    private static unsafe void CheckAbi(nint library, string path)
    {
        if (!NativeLibrary.TryGetExport(library, "edge_abi_version", out var export))
        {
            throw new DllNotFoundException($"{path} is not the Edge libtorch shim (no edge_abi_version export); rebuild it with `make build`.");
        }
        var version = ((delegate* unmanaged<int>)export)();
        if (version != ExpectedAbiVersion)
        {
            throw new DllNotFoundException(
                $"{path} has shim ABI version {version} but Edge.Torch expects {ExpectedAbiVersion}; rebuild it with `make build`.");
        }
    }
}
