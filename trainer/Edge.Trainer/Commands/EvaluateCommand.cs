using System.CommandLine;
using System.Text.Json;
using Edge.Detection;
using Edge.Trainer.Data;
using Edge.Trainer.Evaluation;

namespace Edge.Trainer.Commands;

/// <summary>
/// <c>edge-train evaluate</c>: scores a data set's test images through the exported bundle in ONNX Runtime and prints
/// one JSON line of AUROC figures. Records them in the manifest unless another scoring was asked for.
/// </summary>
internal static class EvaluateCommand
{
    public static Command Create()
    {
        var bundle = new Option<DirectoryInfo>("--bundle") { Description = "Bundle folder (from edge-train export).", Required = true };
        var data = new Option<DirectoryInfo>("--data") { Description = "Data set in the MVTec AD layout (its test/ images are scored).", Required = true };
        var report = new Option<DirectoryInfo?>("--report") { Description = "Write an HTML report (ROC curves, gallery) into this folder." };
        var scoring = new Option<string?>("--scoring")
        {
            Description = "Score with another method than the manifest's (budget-x-recon, ssim-x-alignment, recon-only), for ablations; the manifest is then left as it is.",
        };
        var command = new Command("evaluate", "Measure image and pixel AUROC of a bundle on a data set's test images.") { bundle, data, report, scoring };
        command.SetAction(result => CommandErrors.Run(() =>
        {
            using var model = BundleEvaluation.Open(result.GetValue(bundle)!.FullName, ScoringNames.ParseOptional(result.GetValue(scoring)));
            var dataset = MvtecDataset.Open(result.GetValue(data)!.FullName);
            var html = result.GetValue(report) is { } folder ? new HtmlReport(folder.FullName) : null;
            var images = TestSetScorer.Score(model, dataset, html is null ? null : html.Observe);
            var metrics = EvaluationMetrics.Compute(images);
            if (result.GetValue(scoring) is null)
            {
                model.Bundle.ReplaceManifest(model.Manifest with { Validation = metrics });
            }
            var line = new Dictionary<string, object?>
            {
                ["bundle"] = model.Manifest.ModelVersion.ToString(),
                ["scoring"] = Bundles.Manifest.ScoringMethodNames.Of(model.Manifest.Scoring.Method),
                ["images"] = images.Count,
                ["image_auroc"] = metrics.ImageAuroc,
                ["pixel_auroc"] = metrics.PixelAuroc,
                ["per_class"] = metrics.PerClass.ToDictionary(c => c.Key, c => new Dictionary<string, object?>
                {
                    ["image_auroc"] = c.Value.ImageAuroc,
                    ["pixel_auroc"] = c.Value.PixelAuroc,
                }),
            };
            if (html is not null)
            {
                line["report"] = html.Write(model.Manifest, metrics, images);
            }
            Console.WriteLine(JsonSerializer.Serialize(line));
            return 0;
        }));
        return command;
    }
}
