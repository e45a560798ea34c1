using System.Text.Json;
using Edge.Bundles.Files;
using Edge.Bundles.Manifest;
using Edge.Testing;

namespace Edge.Trainer.Tests.Evaluation;

public sealed class EvaluateAndCalibrateCommandTests(TinyBundleFixture fixture) : IClassFixture<TinyBundleFixture>
{
    private static readonly string Cli = Path.Combine(AppContext.BaseDirectory, "edge-train.dll");

    [Fact]
    public void Evaluate_prints_one_json_line_of_figures_records_them_in_the_manifest_and_writes_the_report()
    {
        using var folder = new TempFolder();
        var bundle = fixture.CopyBundle(folder);

        var output = ExternalTool.Run("dotnet", [Cli, "evaluate", "--bundle", bundle, "--data", fixture.DataFolder, "--report", folder.File("report")]);

        var line = Assert.Single(output.Trim().Split('\n'));
        using var json = JsonDocument.Parse(line);
        var image = json.RootElement.GetProperty("image_auroc").GetDouble();
        var pixel = json.RootElement.GetProperty("pixel_auroc").GetDouble();
        Assert.InRange(image, 0, 1);
        Assert.InRange(pixel, 0, 1);
        Assert.Equal(["grain", "weave"], json.RootElement.GetProperty("per_class").EnumerateObject().Select(p => p.Name));
        // Not calibrated: every test image is evaluated, and there are no thresholds for F1 or false alarms.
        Assert.Equal(20, json.RootElement.GetProperty("images").GetInt32());
        Assert.Equal(0, json.RootElement.GetProperty("excluded_calibration_images").GetInt32());
        Assert.InRange(json.RootElement.GetProperty("pixel_aupro").GetDouble(), 0, 1);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("image_f1").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("false_alarms_per_1000_normal").ValueKind);
        Assert.InRange(json.RootElement.GetProperty("per_class").GetProperty("weave").GetProperty("pixel_aupro").GetDouble(), 0, 1);
        var validation = Bundle.Open(bundle).Manifest.Validation;
        Assert.NotNull(validation);
        Assert.Equal(image, validation.ImageAuroc, 12);
        Assert.Equal(pixel, validation.PixelAuroc!.Value, 12);
        var html = File.ReadAllText(folder.File("report/index.html"));
        Assert.Contains("<svg", html, StringComparison.Ordinal);
        Assert.Contains("<th>AUPRO@0.3</th>", html, StringComparison.Ordinal);
        Assert.Contains("grain_scratch_0_heatmap.png", html, StringComparison.Ordinal);
        Assert.True(File.Exists(folder.File("report/grain_scratch_0_heatmap.png")));
    }

    [Fact]
    public void Evaluate_with_another_scoring_reports_it_and_leaves_the_manifest_alone()
    {
        using var folder = new TempFolder();
        var bundle = fixture.CopyBundle(folder);
        var before = File.ReadAllBytes(Path.Combine(bundle, "manifest.json"));

        var output = ExternalTool.Run("dotnet", [Cli, "evaluate", "--bundle", bundle, "--data", fixture.DataFolder, "--scoring", "recon-only"]);

        using var json = JsonDocument.Parse(output.Trim());
        Assert.Equal("recon-only", json.RootElement.GetProperty("scoring").GetString());
        Assert.Equal(before, File.ReadAllBytes(Path.Combine(bundle, "manifest.json")));
    }

    [Fact]
    public void Calibrate_sets_thresholds_on_a_seeded_split_that_evaluate_then_leaves_out()
    {
        using var folder = new TempFolder();
        var bundle = fixture.CopyBundle(folder);
        Assert.False(Bundle.Open(bundle).Manifest.IsCalibrated);

        var output = ExternalTool.Run("dotnet", [Cli, "calibrate", "--bundle", bundle, "--data", fixture.DataFolder, "--false-alarm-rate", "0"]);

        var manifest = Bundle.Open(bundle).Manifest;
        Assert.True(manifest.IsCalibrated);
        using var json = JsonDocument.Parse(output.Trim());
        Assert.Equal("false-alarm-rate 0", json.RootElement.GetProperty("rule").GetString());
        // With no false alarms allowed, the image threshold is the largest normal image score.
        Assert.Equal(manifest.NormalStatistics!.Image.Max, manifest.Thresholds!.Image, 6);
        Assert.Equal(["grain", "weave"], manifest.Thresholds.PerClass!.Keys.Order());
        // 2 classes x 5 kinds (good and 4 defects) of 2 test images each: round(0.3 x 2) = 1 of each calibrates.
        var calibration = manifest.Calibration!;
        Assert.Equal((CalibrationSource.Split, 10, 0.3, 0), (calibration.Source, calibration.ImageCount, calibration.Split!.Share, calibration.Split.Seed));
        Assert.Equal(2, manifest.NormalStatistics.Image.Count);
        Assert.Equal(10, json.RootElement.GetProperty("calibration_images").GetInt32());

        var evaluated = ExternalTool.Run("dotnet", [Cli, "evaluate", "--bundle", bundle, "--data", fixture.DataFolder]);

        using var figures = JsonDocument.Parse(evaluated.Trim());
        var root = figures.RootElement;
        Assert.Equal((10, 10, "split"), (root.GetProperty("images").GetInt32(), root.GetProperty("excluded_calibration_images").GetInt32(), root.GetProperty("calibration").GetString()));
        Assert.InRange(root.GetProperty("image_f1").GetDouble(), 0, 1);
        Assert.InRange(root.GetProperty("pixel_f1").GetDouble(), 0, 1);
        // Two normal images are left to evaluate, one per class: 0, 1 or 2 false alarms.
        Assert.Contains(root.GetProperty("false_alarms_per_1000_normal").GetDouble(), new[] { 0.0, 500.0, 1000.0 });
        Assert.Contains(root.GetProperty("per_class").GetProperty("grain").GetProperty("false_alarms_per_1000_normal").GetDouble(), new[] { 0.0, 1000.0 });
    }

    [Fact]
    public void Calibrating_on_a_validation_folder_records_it_and_evaluate_refuses_that_same_folder()
    {
        using var folder = new TempFolder();
        var bundle = fixture.CopyBundle(folder);

        ExternalTool.Run("dotnet", [Cli, "calibrate", "--bundle", bundle, "--validation", fixture.DataFolder]);

        var calibration = Bundle.Open(bundle).Manifest.Calibration!;
        Assert.Equal((CalibrationSource.ValidationFolder, 20), (calibration.Source, calibration.ImageCount));
        Assert.Null(calibration.Split);
        var error = Assert.Throws<ExternalToolException>(() => ExternalTool.Run("dotnet", [Cli, "evaluate", "--bundle", bundle, "--data", fixture.DataFolder]));
        Assert.Contains("calibrated on", error.ErrorOutput, StringComparison.Ordinal);
        Assert.Single(error.ErrorOutput.Trim().Split('\n'));
    }

    [Fact]
    public void Calibrate_with_both_data_and_validation_is_a_one_line_error()
    {
        var error = Assert.Throws<ExternalToolException>(() =>
            ExternalTool.Run("dotnet", [Cli, "calibrate", "--bundle", fixture.BundleFolder, "--data", fixture.DataFolder, "--validation", fixture.DataFolder]));

        Assert.Equal(1, error.ExitCode);
        Assert.StartsWith("edge-train: error: Give either --data", error.ErrorOutput, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("evaluate")]
    [InlineData("calibrate")]
    public void A_changed_bundle_file_is_a_one_line_error_naming_it(string command)
    {
        using var folder = new TempFolder();
        var bundle = fixture.CopyBundle(folder);
        using (var stream = File.OpenWrite(Path.Combine(bundle, "decoder.onnx")))
        {
            stream.Position = 100;
            stream.WriteByte(0x5a);
        }

        var error = Assert.Throws<ExternalToolException>(() => ExternalTool.Run("dotnet", [Cli, command, "--bundle", bundle, "--data", fixture.DataFolder]));

        Assert.Equal(1, error.ExitCode);
        Assert.StartsWith("edge-train: error: ", error.ErrorOutput, StringComparison.Ordinal);
        Assert.Contains("decoder.onnx", error.ErrorOutput, StringComparison.Ordinal);
        Assert.Single(error.ErrorOutput.Trim().Split('\n'));
    }

    [Fact]
    public void A_data_set_without_ground_truth_reports_pixel_auroc_as_null()
    {
        using var folder = new TempFolder();
        var data = folder.File("data");
        CopyTree(fixture.DataFolder, data, skip: "ground_truth");

        var output = ExternalTool.Run("dotnet", [Cli, "evaluate", "--bundle", fixture.BundleFolder, "--data", data, "--scoring", "budget-x-recon"]);

        using var json = JsonDocument.Parse(output.Trim());
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("pixel_auroc").ValueKind);
        Assert.InRange(json.RootElement.GetProperty("image_auroc").GetDouble(), 0, 1);
    }

    private static void CopyTree(string from, string to, string skip)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            if (relative.Split(Path.DirectorySeparatorChar).Contains(skip))
            {
                continue;
            }
            var target = Path.Combine(to, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
