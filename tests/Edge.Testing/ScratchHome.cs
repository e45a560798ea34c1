namespace Edge.Testing;

/// <summary>
/// A fresh home folder for a child process (HOME and XDG_CACHE_HOME inside it, and without CI, which ONNX Runtime's
/// telemetry takes as a reason to stay off), to see what the process leaves there: ONNX Runtime's telemetry, when it
/// starts, writes a device id and an event queue under <see cref="OnnxRuntimeTelemetryFolder"/>.
/// </summary>
public sealed class ScratchHome : IDisposable
{
    private readonly TempFolder _folder = new("edge-home-");

    public string Path => _folder.Path;

    public string OnnxRuntimeTelemetryFolder => System.IO.Path.Combine(Path, ".cache", "Microsoft", "DeveloperTools", ".onnxruntime");

    /// <summary>What ONNX Runtime's telemetry left (relative paths); empty when it never started.</summary>
    public IReadOnlyList<string> TelemetryFiles => Directory.Exists(OnnxRuntimeTelemetryFolder)
        ? Directory.EnumerateFileSystemEntries(OnnxRuntimeTelemetryFolder, "*", SearchOption.AllDirectories).Select(p => System.IO.Path.GetRelativePath(Path, p)).ToList()
        : [];

    /// <summary>Runs <paramref name="program"/> through env(1) with this home and no inherited opt-outs; returns its output.</summary>
    public string Run(string program, IEnumerable<string> arguments, TimeSpan? timeout = null) => ExternalTool.Run("env",
        new[] { "-u", "CI", "-u", "ORT_DISABLE_TELEMETRY", $"HOME={Path}", $"XDG_CACHE_HOME={System.IO.Path.Combine(Path, ".cache")}", "DOTNET_CLI_TELEMETRY_OPTOUT=1", program }
            .Concat(arguments),
        timeout);

    public void Dispose() => _folder.Dispose();
}
