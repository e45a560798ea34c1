using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Edge.Bundles.Fingerprint;
using Edge.Bundles.Manifest;
using Edge.Trainer.Data;
using Edge.Trainer.Evaluation;

namespace Edge.Trainer.Commands;

/// <summary>
/// <c>edge-train calibrate</c>: sets the bundle's image and pixel thresholds from scored validation images and writes
/// them, with the normal-score statistics and which images they came from, into the manifest (which drops any
/// signature: sign after calibrating). The images are a validation folder (<c>--validation</c>) or a seeded split of
/// the data set's test images (<see cref="ValidationSplit"/>), which <c>evaluate</c> then leaves out.
/// </summary>
internal static class CalibrateCommand
{
    public static Command Create()
    {
        var bundle = new Option<DirectoryInfo>("--bundle") { Description = "Bundle folder (from edge-train export).", Required = true };
        var data = new Option<DirectoryInfo?>("--data")
        {
            Description = "Data set in the MVTec AD layout: a seeded share of its test/ images calibrates, and evaluate leaves those out.",
        };
        var validation = new Option<DirectoryInfo?>("--validation")
        {
            Description = "Calibrate on this folder's test/ images instead (MVTec AD layout, train/ not needed; other images than the evaluated ones).",
        };
        var share = new Option<double?>("--validation-share")
        {
            Description = $"Share of each class and category of --data's test images used for calibration (default {ValidationSplit.DefaultShare.ToString(CultureInfo.InvariantCulture)}).",
        };
        var seed = new Option<int?>("--split-seed") { Description = $"Seed of the split (default {ValidationSplit.DefaultSeed})." };
        var rate = new Option<double?>("--false-alarm-rate")
        {
            Description = "Thresholds that alarm on at most this fraction of normal images and pixels; without it, the F1-optimal point where defects are labelled (else 0.01).",
        };
        var ceiling = new Option<double?>("--max-false-alarm-rate")
        {
            Description = $"With the F1-optimal rule: the share of normal images and pixels the thresholds may alarm on, at most (default {Calibration.DefaultMaxFalseAlarmRate.ToString(CultureInfo.InvariantCulture)}).",
        };
        var command = new Command("calibrate", "Set alarm thresholds and normal-score statistics in a bundle's manifest.") { bundle, data, validation, share, seed, rate, ceiling };
        command.SetAction(result => CommandErrors.Run(() =>
        {
            if (result.GetValue(rate) is { } r && r is < 0 or >= 1)
            {
                throw new UserInputException($"--false-alarm-rate must be in [0, 1) (got {r}).");
            }
            if (result.GetValue(ceiling) is { } c && (c is < 0 or >= 1 || result.GetValue(rate) is not null))
            {
                throw new UserInputException(result.GetValue(rate) is not null
                    ? "--max-false-alarm-rate bounds the F1-optimal rule; with --false-alarm-rate the thresholds already sit at that rate."
                    : $"--max-false-alarm-rate must be in [0, 1) (got {c}).");
            }
            var folder = result.GetValue(validation);
            if ((folder is null) == (result.GetValue(data) is null))
            {
                throw new UserInputException("Give either --data (calibrate on a seeded split of its test images) or --validation (calibrate on that folder), not both.");
            }
            if (folder is not null && (result.GetValue(share) is not null || result.GetValue(seed) is not null))
            {
                throw new UserInputException("--validation-share and --split-seed split --data's test images; with --validation there is no split.");
            }
            var splitShare = result.GetValue(share) ?? ValidationSplit.DefaultShare;
            if (splitShare is <= 0 or >= 1)
            {
                throw new UserInputException($"--validation-share must be strictly between 0 and 1 (got {splitShare}).");
            }
            var splitSeed = result.GetValue(seed) ?? ValidationSplit.DefaultSeed;
            if (splitSeed < 0)
            {
                throw new UserInputException($"--split-seed must be 0 or more (got {splitSeed}).");
            }
            using var model = BundleEvaluation.Open(result.GetValue(bundle)!.FullName, null);
            var (dataset, calibration) = folder is not null ? FromFolder(folder.FullName) : FromSplit(result.GetValue(data)!.FullName, splitShare, splitSeed);
            var images = TestSetScorer.Score(model, dataset);
            var (thresholds, statistics, rule) = Calibration.Compute(
                images, model.Manifest.ClassNames, result.GetValue(rate), result.GetValue(ceiling) ?? Calibration.DefaultMaxFalseAlarmRate);
            model.Bundle.ReplaceManifest(model.Manifest with { Thresholds = thresholds, NormalStatistics = statistics, Calibration = calibration });
            Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object?>
            {
                ["bundle"] = model.Manifest.ModelVersion.ToString(),
                ["rule"] = rule,
                ["image_threshold"] = thresholds.Image,
                ["pixel_threshold"] = thresholds.Pixel,
                ["calibration"] = calibration.SourceName,
                ["calibration_images"] = calibration.ImageCount,
                ["validation_share"] = calibration.Split?.Share,
                ["split_seed"] = calibration.Split?.Seed,
                ["normal_images"] = statistics.Image.Count,
                ["normal_image_p99"] = statistics.Image.Quantiles.P99,
            }));
            return 0;
        }));
        return command;
    }

    private static (MvtecDataset Dataset, CalibrationData Calibration) FromFolder(string folder)
    {
        var dataset = MvtecDataset.OpenTestOnly(folder);
        return (dataset, new CalibrationData
        {
            Source = CalibrationSource.ValidationFolder,
            Fingerprint = TrainingDataFingerprint.Compute(folder).Sha256,
            ImageCount = dataset.Test.Count,
        });
    }

    private static (MvtecDataset Dataset, CalibrationData Calibration) FromSplit(string folder, double share, int seed)
    {
        var dataset = MvtecDataset.Open(folder);
        var (calibration, _) = ValidationSplit.Draw(dataset, share, seed);
        if (calibration.Count == 0)
        {
            throw new UserInputException($"The data set '{folder}' has too few test images to split (each class and category needs 2 for a share of it to calibrate).");
        }
        return (dataset.WithTest(calibration), new CalibrationData
        {
            Source = CalibrationSource.Split,
            Fingerprint = TrainingDataFingerprint.Compute(folder).Sha256,
            ImageCount = calibration.Count,
            Split = new CalibrationSplit
            {
                Share = share,
                Seed = seed,
                Images = calibration.Select(dataset.RelativePath).Order(StringComparer.Ordinal).ToList(),
            },
        });
    }
}
