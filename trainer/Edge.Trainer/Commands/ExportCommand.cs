using System.CommandLine;
using System.Globalization;
using Edge.Bundles.Manifest;
using Edge.Trainer.Export;

namespace Edge.Trainer.Commands;

/// <summary><c>edge-train export</c>: writes a training run as a checked bundle.</summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var run = new Option<DirectoryInfo>("--run") { Description = "Training run folder (from edge-train fit).", Required = true };
        var output = new Option<DirectoryInfo>("--out") { Description = "Bundle folder to write (new or empty).", Required = true };
        var version = new Option<string?>("--version") { Description = "Semantic version; default from the time of export." };
        var scoring = new Option<string?>("--scoring")
        {
            Description = "budget-x-recon (default for PVQAE), ssim-x-alignment (default for plain VQ) or recon-only.",
        };
        var command = new Command("export", "Export a trained run as a bundle of ONNX graphs with a manifest.") { run, output, version, scoring };
        command.SetAction(result => CommandErrors.Run(() =>
        {
            var v = result.GetValue(version) ?? DateTime.UtcNow.ToString("yyyy.M.d-'t'HHmmss", CultureInfo.InvariantCulture);
            var exported = BundleExporter.Export(result.GetValue(run)!.FullName, result.GetValue(output)!.FullName, new ExportOptions
            {
                Version = v,
                Scoring = ScoringNames.ParseOptional(result.GetValue(scoring)),
            });
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"exported bundle {v} to {exported.Bundle.Folder} ({ScoringMethodNames.Of(exported.Bundle.Manifest.Scoring.Method)}; " +
                $"largest ONNX Runtime / libtorch difference {exported.WorstDifference:G3}, {exported.Check.WorstShare:F2} of the tolerance; " +
                $"near-ties: {exported.Check.NearTies} accepted by the check, {exported.GoldenNearTies} in the golden input " +
                $"(seed {exported.GoldenSeed}, smallest nearest-code gap {exported.GoldenMargin:G3} tolerances))"));
            return 0;
        }));
        return command;
    }
}
