using System.CommandLine;
using System.Globalization;
using Edge.Trainer.Export;

namespace Edge.Trainer.Commands;

/// <summary><c>edge-train export</c>: writes a run's bundle (four ONNX graphs and a manifest), checked against libtorch.</summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var run = new Option<DirectoryInfo>("--run") { Description = "Training run folder (from edge-train fit).", Required = true };
        var output = new Option<DirectoryInfo>("--out") { Description = "Bundle folder to write.", Required = true };
        var version = new Option<string?>("--version") { Description = "Semantic version; default from the time of export." };
        var command = new Command("export", "Export a trained run as a bundle of ONNX graphs with a manifest.") { run, output, version };
        command.SetAction(result => CommandErrors.Run(() =>
        {
            var v = result.GetValue(version) ?? DateTime.UtcNow.ToString("yyyy.M.d-'t'HHmmss", CultureInfo.InvariantCulture);
            var manifest = BundleExporter.Export(result.GetValue(run)!.FullName, result.GetValue(output)!.FullName, v);
            Console.WriteLine($"exported bundle {v} to {result.GetValue(output)!.FullName} (largest ONNX Runtime / libtorch difference {manifest["exportParity"]!["maxAbsoluteDifference"]})");
            return 0;
        }));
        return command;
    }
}
