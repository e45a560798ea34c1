using System.Reflection;
using System.Runtime.InteropServices;

namespace Edge.Imaging;

/// <summary>
/// The native libraries this assembly binds to, by soname, and the one place that loads them.
/// A missing library fails with a message that names the soname tried and the Debian package to install,
/// instead of the runtime's generic "unable to load shared library".
/// </summary>
internal static class NativeLibraries
{
    public const string Png = "libpng16.so.16";
    public const string TurboJpeg = "libturbojpeg.so.0";

    private static readonly Dictionary<string, string> PackageBySoname = new(StringComparer.Ordinal)
    {
        [Png] = "libpng16-16",
        [TurboJpeg] = "libturbojpeg0",
    };

    private static int installed;

    /// <summary>Installs the resolver for this assembly once; called by each Interop class's static constructor.</summary>
    public static void EnsureResolverInstalled()
    {
        if (Interlocked.Exchange(ref installed, 1) == 0)
        {
            NativeLibrary.SetDllImportResolver(typeof(NativeLibraries).Assembly, Resolve);
        }
    }

    private static IntPtr Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath) =>
        PackageBySoname.TryGetValue(libraryName, out var package)
            ? LoadOrExplain(libraryName, package, assembly, searchPath)
            : IntPtr.Zero;

    /// <summary>Loads <paramref name="soname"/> or throws a <see cref="DllNotFoundException"/> saying what was tried and how to fix it.</summary>
    internal static IntPtr LoadOrExplain(string soname, string debianPackage, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (NativeLibrary.TryLoad(soname, assembly, searchPath, out var handle))
        {
            return handle;
        }
        throw new DllNotFoundException(
            $"Could not load the native library '{soname}' (tried the name '{soname}' through the dynamic loader's " +
            $"search path: LD_LIBRARY_PATH, /etc/ld.so.cache, /lib, /usr/lib). " +
            $"Install it with: apt-get install {debianPackage}");
    }
}
