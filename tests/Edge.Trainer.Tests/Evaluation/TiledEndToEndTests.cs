using System.Text.Json;
using Edge.Bundles.Files;
using Edge.Imaging;
using Edge.Testing;
using Edge.Trainer.Tests.Training;

namespace Edge.Trainer.Tests.Evaluation;

/// <summary>
/// Native resolution from end to end, the way a user runs it: 96-pixel images, a 32-pixel model trained with
/// <c>fit --tiles</c> at scale 0.5 (so a tile covers 64 image pixels), exported, calibrated and evaluated. Every image is
/// scored as 2 x 2 tiles blended into a 48x48 map (96 x 0.5), and the pixel figures are over that map.
/// </summary>
public sealed class TiledEndToEndTests
{
    [Fact]
    public void A_tiled_run_is_calibrated_and_evaluated_at_full_resolution_with_maps_of_the_image_size_times_the_scale()
    {
        using var folder = new TempFolder();
        var (data, run, bundle, report) = (folder.File("data"), folder.File("run"), folder.File("bundle"), folder.File("report"));
        ExternalTool.Run("dotnet", [FitData.Cli, "synth", "--out", data, "--kind", "textures", "--count", "6", "--test-count", "2", "--size", "96", "--seed", "4"]);
        var config = FitData.TinyConfig(folder, steps: 30, priorSteps: 10, checkpointEvery: 1000, extra: """, "tiling": { "scale": 0.5 }""");

        var fit = FitData.Run("fit", "--data", data, "--out", run, "--config", config, "--tiles", "--max-minutes", "5");
        Assert.True(fit.ExitCode == 0, fit.Errors);
        ExternalTool.Run("dotnet", [FitData.Cli, "export", "--run", run, "--out", bundle, "--version", "0.1.0"]);
        ExternalTool.Run("dotnet", [FitData.Cli, "calibrate", "--bundle", bundle, "--data", data]);
        var output = ExternalTool.Run("dotnet", [FitData.Cli, "evaluate", "--bundle", bundle, "--data", data, "--report", report]);

        var manifest = Bundle.Open(bundle).Manifest;
        Assert.Equal((16, 0.5, 32), (manifest.Input.Tiling!.Stride, manifest.Input.Tiling.Scale, manifest.Input.Width));
        Assert.True(manifest.IsCalibrated);
        using var json = JsonDocument.Parse(output.Trim().Split('\n')[^1]);
        var line = json.RootElement;
        Assert.Equal("48x48", line.GetProperty("map_size").GetString());
        // 2 classes x 5 kinds x 2 images, one of each calibrated on and left out.
        Assert.Equal(10, line.GetProperty("images").GetInt32());
        Assert.InRange(line.GetProperty("pixel_auroc").GetDouble(), 0, 1);
        Assert.InRange(line.GetProperty("pixel_aupro").GetDouble(), 0, 1);
        Assert.InRange(line.GetProperty("pixel_f1").GetDouble(), 0, 1);
        Assert.Equal(line.GetProperty("pixel_auroc").GetDouble(), manifest.Validation!.PixelAuroc!.Value, 12);
        // The report's pictures are the whole image at the map's size, not one tile.
        var heatmap = ImageCodec.Load(Directory.GetFiles(report, "*_heatmap.png").Order().First());
        var truth = ImageCodec.Load(Directory.GetFiles(report, "*_scratch_*_truth.png").Order().First());
        Assert.Equal((48, 48), (heatmap.Width, heatmap.Height));
        Assert.Equal((48, 48), (truth.Width, truth.Height));
        // The scratch's ground truth, read at the map's size, marks some pixels and not all.
        Assert.InRange(truth.Pixels.Count(p => p > 127), 1, truth.Pixels.Length - 1);
    }
}
