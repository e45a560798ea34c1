using System.Text.Json;
using Edge.Bundles.Files;
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
        var validation = Bundle.Open(bundle).Manifest.Validation;
        Assert.NotNull(validation);
        Assert.Equal(image, validation.ImageAuroc, 12);
        Assert.Equal(pixel, validation.PixelAuroc!.Value, 12);
        var html = File.ReadAllText(folder.File("report/index.html"));
        Assert.Contains("<svg", html, StringComparison.Ordinal);
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
    public void Calibrate_writes_thresholds_and_normal_statistics_so_the_bundle_is_calibrated()
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
        var normalImages = Directory.GetDirectories(fixture.DataFolder).Sum(c => Directory.GetFiles(Path.Combine(c, "test", "good")).Length);
        Assert.Equal(normalImages, manifest.NormalStatistics.Image.Count);
        Assert.Equal(["grain", "weave"], manifest.Thresholds.PerClass!.Keys.Order());
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
