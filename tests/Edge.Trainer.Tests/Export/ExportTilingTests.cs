using System.Text.Json.Nodes;
using Edge.Bundles.Manifest;
using Edge.Testing;
using Edge.Trainer.Export;
using Edge.Trainer.Runs;
using Edge.Trainer.Tests.Evaluation;

namespace Edge.Trainer.Tests.Export;

public sealed class ExportTilingTests(TinyBundleFixture fixture) : IClassFixture<TinyBundleFixture>
{
    /// <summary>A copy of the fixture's run whose run.json records <paramref name="tiling"/> (removed when null).</summary>
    private string RunWith(TempFolder folder, JsonObject? tiling)
    {
        var run = folder.File("run");
        Directory.CreateDirectory(run);
        foreach (var file in Directory.EnumerateFiles(fixture.RunFolder))
        {
            File.Copy(file, Path.Combine(run, Path.GetFileName(file)));
        }
        var path = Path.Combine(run, TrainingRun.RunFile);
        var json = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        json.Remove("tiling");
        if (tiling is not null)
        {
            json["tiling"] = tiling;
        }
        File.WriteAllText(path, json.ToJsonString());
        return run;
    }

    [Fact]
    public void A_run_without_tiling_records_tiling_off_and_exports_no_tiling()
    {
        var runJson = JsonNode.Parse(File.ReadAllText(Path.Combine(fixture.RunFolder, TrainingRun.RunFile)))!;

        Assert.False((bool)runJson["tiling"]!["enabled"]!);
        Assert.Null(Edge.Bundles.Files.Bundle.Open(fixture.BundleFolder).Manifest.Input.Tiling);
    }

    [Theory]
    [InlineData(0, 16)]
    [InlineData(8, 8)]
    public void A_run_trained_on_tiles_exports_input_tiling_with_its_scale_and_the_stride_resolved(int stride, int exported)
    {
        using var folder = new TempFolder();
        var run = RunWith(folder, new JsonObject { ["enabled"] = true, ["scale"] = 0.5, ["stride"] = stride });

        var result = BundleExporter.Export(run, folder.File("bundle"), new ExportOptions { Version = "1.0.0" });

        Assert.Equal(new TilingSpec { Stride = exported, Scale = 0.5 }, result.Bundle.Manifest.Input.Tiling);
    }

    [Fact]
    public void An_older_run_json_without_a_tiling_key_exports_a_whole_image_bundle()
    {
        using var folder = new TempFolder();
        var run = RunWith(folder, tiling: null);

        var result = BundleExporter.Export(run, folder.File("bundle"), new ExportOptions { Version = "1.0.0" });

        Assert.Null(result.Bundle.Manifest.Input.Tiling);
    }
}
