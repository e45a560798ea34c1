using Edge.Torch.Native;

namespace Edge.Torch.Tests;

public class ShimLibraryTests
{
    [Fact]
    public void Explicit_path_from_the_environment_is_the_only_candidate()
    {
        Assert.Equal(["/opt/edge/libedge_torch.so"], ShimLibrary.Candidates("/opt/edge/libedge_torch.so", "/app/bin/", "/app/bin"));
    }

    [Fact]
    public void Without_an_explicit_path_the_app_folder_comes_first_then_every_build_folder_above_it()
    {
        var candidates = ShimLibrary.Candidates(null, "/repo/tests/X/bin/Release/", "/repo/tests/X/bin/Release").ToList();
        Assert.Equal("/repo/tests/X/bin/Release/libedge_torch.so", candidates[0]);
        Assert.Contains("/repo/build/native/libedge_torch.so", candidates);
        Assert.Equal("/build/native/libedge_torch.so", candidates[^1]);
        Assert.Equal(candidates.Count, candidates.Distinct().Count());
    }

    [Fact]
    public void Loading_error_lists_the_paths_tried_and_how_to_build_the_shim()
    {
        var message = ShimLibrary.FailureMessage(["/a/libedge_torch.so (not found)", "/b/libedge_torch.so (not found)"]);
        Assert.Contains("/a/libedge_torch.so (not found)", message, StringComparison.Ordinal);
        Assert.Contains("/b/libedge_torch.so (not found)", message, StringComparison.Ordinal);
        Assert.Contains("make build", message, StringComparison.Ordinal);
        Assert.Contains("libtorch-dev", message, StringComparison.Ordinal);
        Assert.Contains("EDGE_TORCH_SHIM", message, StringComparison.Ordinal);
    }
}
