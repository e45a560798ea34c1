using Edge.Agent.Updates.Store;
using Edge.Testing;

namespace Edge.Agent.Tests.Updates;

public sealed class ModelStoreTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly ModelStore _store;

    public ModelStoreTests()
    {
        _store = new ModelStore(_temp.Path);
        Directory.CreateDirectory(Configured);
    }

    private string Configured => _temp.File("configured");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Before_any_install_the_configured_bundle_is_active()
    {
        Assert.Null(_store.Current);
        Assert.Equal(Configured, _store.ActiveBundle(Configured));
    }

    [Fact]
    public void Pointing_replaces_current_and_previous_links_and_the_installed_version_becomes_active()
    {
        var v2 = Version("2.0.0");

        _store.Point(v2, previous: Configured, Configured);

        Assert.Equal(v2, _store.Current);
        Assert.Equal(Configured, _store.Previous);
        Assert.Equal(v2, _store.ActiveBundle(Configured));
        Assert.Equal(v2, new FileInfo(Path.Combine(_store.Root, "current")).LinkTarget);
        Assert.False(File.Exists(Path.Combine(_store.Root, "current.new")));
    }

    [Fact]
    public void A_changed_model_bundle_in_the_config_overrides_the_installed_versions()
    {
        _store.Point(Version("2.0.0"), previous: Configured, Configured);

        var chosen = _store.ActiveBundle(_temp.File("another"));

        Assert.Equal(_temp.File("another"), chosen);
    }

    [Fact]
    public void Cleaning_after_a_crash_removes_extractions_and_half_made_links_but_keeps_partial_downloads()
    {
        var v2 = Version("2.0.0");
        _store.Point(v2, previous: Configured, Configured);
        Directory.CreateDirectory(Path.Combine(_store.Staging, "extract-abc"));
        File.WriteAllText(Path.Combine(_store.Staging, "abc.zip.part"), "partial");
        File.CreateSymbolicLink(Path.Combine(_store.Root, "current.new"), Version("3.0.0"));

        _store.CleanInterrupted();

        Assert.False(Directory.Exists(Path.Combine(_store.Staging, "extract-abc")));
        Assert.True(File.Exists(Path.Combine(_store.Staging, "abc.zip.part")));
        Assert.Null(new FileInfo(Path.Combine(_store.Root, "current.new")).LinkTarget);
        Assert.Equal(v2, _store.Current);
    }

    [Fact]
    public void A_current_link_to_a_vanished_folder_falls_back_to_previous()
    {
        var v2 = Version("2.0.0");
        var v3 = Version("3.0.0");
        _store.Point(v3, previous: v2, Configured);
        Directory.Delete(v3, recursive: true);

        _store.CleanInterrupted();

        Assert.Equal(v2, _store.Current);
    }

    [Fact]
    public void Garbage_collection_keeps_the_newest_versions_and_never_current_or_previous()
    {
        var oldest = Version("1.0.0");
        Thread.Sleep(20);
        var versions = new[] { "2.0.0", "3.0.0", "4.0.0" }.Select(v =>
        {
            Thread.Sleep(20);
            return Version(v);
        }).ToList();
        _store.Point(versions[^1], previous: oldest, Configured);

        var removed = _store.CollectGarbage(keep: 2);

        Assert.Equal(["2.0.0"], removed);
        Assert.True(Directory.Exists(oldest));
        Assert.True(Directory.Exists(versions[1]));
    }

    private string Version(string version)
    {
        var folder = _store.VersionFolder(version);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "manifest.json"), "{}");
        return folder;
    }
}
