using System.CommandLine;
using System.Text.Json;
using Edge.Bundles.Fingerprint;
using Edge.Bundles.Manifest;
using Edge.Detection;
using Edge.Trainer.Data;
using Edge.Trainer.Evaluation;

namespace Edge.Trainer.Commands;

/// <summary>
/// <c>edge-train evaluate</c>: scores a data set's test images through the exported bundle in ONNX Runtime and prints
/// one JSON line of figures (AUROC, AUPRO, at the calibrated thresholds F1 and false alarms, and what the routing and the
/// prior did with the normal images). The images the
/// bundle was calibrated on (manifest <c>calibration</c>) are left out. Records the AUROCs in the manifest unless
/// another scoring was asked for.
/// </summary>
internal static class EvaluateCommand
{
    public static Command Create()
    {
        var bundle = new Option<DirectoryInfo>("--bundle") { Description = "Bundle folder (from edge-train export).", Required = true };
        var data = new Option<DirectoryInfo>("--data") { Description = "Data set in the MVTec AD layout (its test/ images are scored, less those calibrate used).", Required = true };
        var report = new Option<DirectoryInfo?>("--report") { Description = "Write an HTML report (ROC curves, gallery) into this folder." };
        var scoring = new Option<string?>("--scoring")
        {
            Description = "Score with another method than the manifest's (budget-x-recon, ssim-x-alignment, recon-only), for ablations; the manifest is then left as it is.",
        };
        var command = new Command("evaluate", "Measure image and pixel AUROC of a bundle on a data set's test images.") { bundle, data, report, scoring };
        command.SetAction(result => CommandErrors.Run(() =>
        {
            using var model = BundleEvaluation.Open(result.GetValue(bundle)!.FullName, ScoringNames.ParseOptional(result.GetValue(scoring)));
            var (dataset, excluded) = WithoutCalibrationImages(MvtecDataset.Open(result.GetValue(data)!.FullName), model.Manifest.Calibration);
            var html = result.GetValue(report) is { } folder ? new HtmlReport(folder.FullName) : null;
            var audit = new RoutingAudit();
            var images = TestSetScorer.Score(model, dataset, html is null ? null : html.Observe, audit);
            var routing = audit.Result();
            var metrics = EvaluationMetrics.Compute(images);
            // Thresholds belong to the scoring they were calibrated with; another method's scores have another scale.
            var thresholds = result.GetValue(scoring) is null ? model.Manifest.Thresholds : null;
            var (figures, classFigures) = OperatingFigures.Compute(images, thresholds);
            if (result.GetValue(scoring) is null)
            {
                model.Bundle.ReplaceManifest(model.Manifest with { Validation = metrics });
            }
            var line = new Dictionary<string, object?>
            {
                ["bundle"] = model.Manifest.ModelVersion.ToString(),
                ["scoring"] = ScoringMethodNames.Of(model.Manifest.Scoring.Method),
                ["images"] = images.Count,
                ["excluded_calibration_images"] = excluded,
                ["calibration"] = model.Manifest.Calibration?.SourceName,
                ["image_auroc"] = metrics.ImageAuroc,
                ["pixel_auroc"] = metrics.PixelAuroc,
                // The frame-level map the pixel figures are over: the model's input, or (tiled) each image's size x scale.
                ["map_size"] = MapSize(images),
            };
            Add(line, figures);
            if (routing is not null)
            {
                line["routing"] = RoutingLine(routing);
            }
            line["per_class"] = metrics.PerClass.ToDictionary(c => c.Key, c =>
            {
                var entry = new Dictionary<string, object?> { ["image_auroc"] = c.Value.ImageAuroc, ["pixel_auroc"] = c.Value.PixelAuroc };
                Add(entry, classFigures[c.Key]);
                return entry;
            });
            if (html is not null)
            {
                line["report"] = html.Write(model.Manifest, metrics, (figures, classFigures), images, excluded, thresholds, routing);
            }
            Console.WriteLine(JsonSerializer.Serialize(line));
            return 0;
        }));
        return command;
    }

    /// <summary>
    /// The data set less the calibration images: a split's listed images are left out by their relative path; a
    /// validation folder must not be the evaluated folder itself (same fingerprint).
    /// </summary>
    private static (MvtecDataset Dataset, int Excluded) WithoutCalibrationImages(MvtecDataset dataset, CalibrationData? calibration)
    {
        if (calibration?.Split is { } split)
        {
            var (kept, excluded) = ValidationSplit.Exclude(dataset, split.Images);
            return (dataset.WithTest(kept), excluded);
        }
        if (calibration?.Source == CalibrationSource.ValidationFolder && TrainingDataFingerprint.Compute(dataset.Root).Sha256 == calibration.Fingerprint)
        {
            throw new UserInputException($"The bundle was calibrated on '{dataset.Root}' (calibrate --validation); evaluate it on other images.");
        }
        return (dataset, 0);
    }

    /// <summary>"WxH" when every image's map has that size; "mixed" when the test images differ in size (tiled bundles).</summary>
    private static string MapSize(IReadOnlyList<ScoredImage> images)
    {
        var sizes = images.Select(i => (i.MapWidth, i.MapHeight)).Distinct().ToList();
        return sizes is [var (w, h)] ? FormattableString.Invariant($"{w}x{h}") : "mixed";
    }

    /// <summary>The routing audit of the normal test images: level shares (finest first) by richness quarter, and the prior's figures.</summary>
    private static Dictionary<string, object?> RoutingLine(RoutingFigures routing) => new()
    {
        ["plainest_quarter"] = routing.Routing.PlainShares,
        ["richest_quarter"] = routing.Routing.RichShares,
        ["cells"] = routing.Routing.Cells,
        ["prior_entropy"] = routing.PriorEntropy,
        ["prior_agreement"] = routing.PriorAgreement,
    };

    private static void Add(Dictionary<string, object?> line, OperatingFigures figures)
    {
        line["pixel_aupro"] = figures.PixelAupro;
        line["image_f1"] = figures.ImageF1;
        line["pixel_f1"] = figures.PixelF1;
        line["false_alarms_per_1000_normal"] = figures.FalseAlarmsPer1000Normal;
    }
}
