using System.CommandLine;
using System.Text.Json;
using Edge.Trainer.Data;
using Edge.Trainer.Evaluation;

namespace Edge.Trainer.Commands;

/// <summary>
/// <c>edge-train calibrate</c>: sets the bundle's image and pixel thresholds from scored validation images and writes
/// them, with the normal-score statistics, into the manifest (which drops any signature: sign after calibrating).
/// </summary>
internal static class CalibrateCommand
{
    public static Command Create()
    {
        var bundle = new Option<DirectoryInfo>("--bundle") { Description = "Bundle folder (from edge-train export).", Required = true };
        var data = new Option<DirectoryInfo>("--data") { Description = "Data set in the MVTec AD layout: test/good/ are the normal validation images.", Required = true };
        var rate = new Option<double?>("--false-alarm-rate")
        {
            Description = "Thresholds that alarm on at most this fraction of normal images and pixels; without it, the F1-optimal point where defects are labelled (else 0.01).",
        };
        var command = new Command("calibrate", "Set alarm thresholds and normal-score statistics in a bundle's manifest.") { bundle, data, rate };
        command.SetAction(result => CommandErrors.Run(() =>
        {
            if (result.GetValue(rate) is { } r && r is < 0 or >= 1)
            {
                throw new UserInputException($"--false-alarm-rate must be in [0, 1) (got {r}).");
            }
            using var model = BundleEvaluation.Open(result.GetValue(bundle)!.FullName, null);
            var dataset = MvtecDataset.Open(result.GetValue(data)!.FullName);
            var images = TestSetScorer.Score(model, dataset);
            var (thresholds, statistics, rule) = Calibration.Compute(images, model.Manifest.ClassNames, result.GetValue(rate));
            model.Bundle.ReplaceManifest(model.Manifest with { Thresholds = thresholds, NormalStatistics = statistics });
            Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object?>
            {
                ["bundle"] = model.Manifest.ModelVersion.ToString(),
                ["rule"] = rule,
                ["image_threshold"] = thresholds.Image,
                ["pixel_threshold"] = thresholds.Pixel,
                ["normal_images"] = statistics.Image.Count,
                ["normal_image_p99"] = statistics.Image.Quantiles.P99,
            }));
            return 0;
        }));
        return command;
    }
}
