namespace Edge.Imaging.Tests;

public sealed class NativeLibrariesTests
{
    [Fact]
    public void A_missing_library_names_the_soname_tried_and_the_package_to_install()
    {
        var error = Assert.Throws<DllNotFoundException>(() =>
            NativeLibraries.LoadOrExplain("libedge-not-installed.so.7", "libedge-package7", typeof(NativeLibrariesTests).Assembly, null));

        Assert.Contains("'libedge-not-installed.so.7'", error.Message, StringComparison.Ordinal);
        Assert.Contains("apt-get install libedge-package7", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_installed_libraries_load_by_their_sonames()
    {
        var assembly = typeof(Image).Assembly;

        Assert.NotEqual(IntPtr.Zero, NativeLibraries.LoadOrExplain(NativeLibraries.Png, "libpng16-16", assembly, null));
        Assert.NotEqual(IntPtr.Zero, NativeLibraries.LoadOrExplain(NativeLibraries.TurboJpeg, "libturbojpeg0", assembly, null));
    }
}
