using Edge.Testing;

namespace Edge.Inference.Tests;

/// <summary>
/// How the native ONNX Runtime is loaded, checked in a process of its own (Edge.OrtProbe): EDGE_ORT_LIBRARY chooses it,
/// its log reaches ours, its telemetry stays off.
/// </summary>
public sealed class NativeLibraryTests
{
    private static readonly string Probe = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "Edge.OrtProbe", "bin",
        new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name, "net10.0", "Edge.OrtProbe.dll");

    [Fact]
    public void Without_configuration_the_packaged_library_is_loaded()
    {
        var output = RunProbe(null);

        Assert.Contains("version: 1.31.1", output, StringComparison.Ordinal);
        Assert.Contains("runtimes/linux-x64/native/libonnxruntime.so", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_configured_library_is_the_one_loaded()
    {
        using var folder = new TempFolder();
        var copy = folder.File("libonnxruntime-device.so");
        File.Copy(Path.Combine(Path.GetDirectoryName(Probe)!, "runtimes", "linux-x64", "native", "libonnxruntime.so"), copy);

        var output = RunProbe(copy);

        Assert.Contains($"mapped: {copy}", output, StringComparison.Ordinal);
        Assert.DoesNotContain("runtimes/linux-x64/native/libonnxruntime.so", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_configured_library_that_does_not_exist_is_a_clear_error()
    {
        var error = Assert.Throws<ExternalToolException>(() => RunProbe("/opt/nowhere/libonnxruntime.so"));

        Assert.Contains("/opt/nowhere/libonnxruntime.so", error.ErrorOutput, StringComparison.Ordinal);
        Assert.Contains("EDGE_ORT_LIBRARY", error.ErrorOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void A_configured_file_that_is_not_a_library_reports_the_loader_message()
    {
        using var folder = new TempFolder();
        var fake = folder.File("libonnxruntime.so");
        File.WriteAllText(fake, "not a shared object");

        var error = Assert.Throws<ExternalToolException>(() => RunProbe(fake));

        Assert.Contains(fake, error.ErrorOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void Onnx_runtimes_own_log_reaches_microsoft_extensions_logging()
    {
        using var folder = new TempFolder();
        var model = folder.File("m.onnx");
        OperatorTests.NearestCodeModel(out _).Save(model);

        var output = ExternalTool.Run("dotnet", [Path.GetFullPath(Probe), "--log", model]);

        // ORT's verbose session log, forwarded by our callback with its category.
        Assert.Matches(@"log: (Trace|Information) onnxruntime \[", output);
        Assert.Contains("log: Information Loaded", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Loading_onnx_runtime_and_running_a_session_leaves_nothing_in_its_telemetry_folder()
    {
        using var folder = new TempFolder();
        var model = folder.File("m.onnx");
        OperatorTests.NearestCodeModel(out _).Save(model);
        using var home = new ScratchHome();

        var output = home.Run("dotnet", [Path.GetFullPath(Probe), "--log", model]);

        Assert.Contains("log: Information Loaded", output, StringComparison.Ordinal);
        Assert.Empty(home.TelemetryFiles);
    }

    private static string RunProbe(string? library) =>
        ExternalTool.Run("env", (library is null ? ["-u", "EDGE_ORT_LIBRARY"] : new[] { $"EDGE_ORT_LIBRARY={library}" }).Concat(["dotnet", Path.GetFullPath(Probe)]));
}
