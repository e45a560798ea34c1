using System.Text.Json;
using Edge.Testing;

namespace Edge.Trainer.Tests.Training;

/// <summary>
/// make demo's path, at its real settings: the tiny preset's full step count (no --steps, a time budget that does not
/// cut it), so that a training that diverges or a bundle that export refuses fails CI instead of a new user's first run.
/// </summary>
public sealed class DemoPathTests
{
    private static readonly string Cli = Path.Combine(AppContext.BaseDirectory, "edge-train.dll");

    [Fact]
    public void The_demo_path_synthesizes_trains_the_tiny_preset_fully_exports_calibrates_and_evaluates()
    {
        using var folder = new TempFolder();
        var data = folder.File("data");
        var run = folder.File("run");
        var bundle = folder.File("bundle");

        ExternalTool.Run("dotnet", [Cli, "synth", "--out", data, "--kind", "textures", "--seed", "1"]);
        // The tool's usual two-minute limit is for quick commands; a full tiny fit takes about two minutes on two idle
        // cores and more on a busy machine. This test is about training that finishes, not how fast (make bench is).
        var fit = ExternalTool.Run("dotnet", [Cli, "fit", "--data", data, "--out", run, "--preset", "tiny", "--max-minutes", "60"], TimeSpan.FromMinutes(20));
        ExternalTool.Run("dotnet", [Cli, "export", "--run", run, "--out", bundle, "--version", "0.1.0"]);
        ExternalTool.Run("dotnet", [Cli, "calibrate", "--bundle", bundle, "--data", data]);
        var evaluation = ExternalTool.Run("dotnet", [Cli, "evaluate", "--bundle", bundle, "--data", data]);

        Assert.Contains("autoencoder step   600/600", fit, StringComparison.Ordinal);
        Assert.Contains("prior       step   300/300", fit, StringComparison.Ordinal);
        Assert.DoesNotContain("rolled back", fit, StringComparison.Ordinal);
        // The prior's certainty is reported, and lies between sure (0) and uniform over the three levels (ln 3).
        var entropy = System.Text.RegularExpressions.Regex.Match(fit, @"prior: mean entropy ([0-9.]+) nats");
        Assert.True(entropy.Success, "fit reported no prior entropy");
        Assert.InRange(double.Parse(entropy.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), 0, Math.Log(3) + 1e-3);
        using var json = JsonDocument.Parse(evaluation.Trim().Split('\n')[^1]);
        // Measured 0.92 / 0.99 on this set; well below that means detection broke, not noise.
        Assert.InRange(json.RootElement.GetProperty("image_auroc").GetDouble(), 0.8, 1);
        Assert.InRange(json.RootElement.GetProperty("pixel_auroc").GetDouble(), 0.9, 1);
    }
}
