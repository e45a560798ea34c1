using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Edge.Trainer.Runs;
using Edge.Trainer.Training;

namespace Edge.Benchmarks.Quality;

/// <summary>
/// One model on one set through the real <c>edge-train</c> (the <c>bin/edge-train</c> launcher <c>make build</c> writes):
/// fit, export, calibrate, evaluate, each in its own process with its output in <c>&lt;command&gt;.log</c> beside the run.
/// Any step that fails, a training loss that diverged or an evaluation without figures ends the run with a one-line reason.
/// </summary>
internal sealed class TrainerRun(string edgeTrain, QualitySettings settings)
{
    /// <summary>
    /// Trains into <paramref name="folder"/> (emptied first) and returns the figures, with fit's own words when the time
    /// budget stopped training before the preset's steps (else null), or throws <see cref="RunFailedException"/>.
    /// </summary>
    public (double ImageAuroc, double PixelAuroc, string? CutShort) Run(string data, string folder, bool plain)
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
        Directory.CreateDirectory(folder);
        var (run, bundle) = (Path.Combine(folder, "run"), Path.Combine(folder, "bundle"));
        var minutes = settings.Minutes.ToString("R", CultureInfo.InvariantCulture);
        string[] fit = ["fit", "--data", data, "--out", run, "--preset", settings.Preset, "--max-minutes", minutes, "--seed", settings.Seed.ToString(CultureInfo.InvariantCulture)];
        // The trainer keeps to its budget; the margin covers start-up, loading the images and saving.
        var fitOutput = Step(folder, plain ? [.. fit, "--plain-vq"] : fit, TimeSpan.FromMinutes(settings.Minutes + 5));
        CheckConverged(run);
        var cutShort = fitOutput.Split('\n', StringSplitOptions.TrimEntries).FirstOrDefault(l => l.StartsWith("the time budget", StringComparison.Ordinal))?.Split(';')[0];
        Step(folder, ["export", "--run", run, "--out", bundle, "--version", "0.0.1"], TimeSpan.FromMinutes(10));
        Step(folder, ["calibrate", "--bundle", bundle, "--data", data], TimeSpan.FromMinutes(10));
        var evaluation = Step(folder, ["evaluate", "--bundle", bundle, "--data", data], TimeSpan.FromMinutes(10));
        var (imageAuroc, pixelAuroc) = Figures(evaluation);
        return (imageAuroc, pixelAuroc, cutShort);
    }

    /// <summary>Runs one edge-train command; its standard output and error go to the log, standard output also comes back.</summary>
    private string Step(string folder, string[] arguments, TimeSpan timeout)
    {
        var command = arguments[0];
        var start = new ProcessStartInfo(edgeTrain) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start) ?? throw new RunFailedException($"{command}: {edgeTrain} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            throw new RunFailedException(string.Create(CultureInfo.InvariantCulture, $"{command} ran over {timeout.TotalMinutes:F0} minutes and was stopped"));
        }
        process.WaitForExit();
        File.WriteAllText(Path.Combine(folder, command + ".log"), output.Result + errors.Result);
        if (process.ExitCode != 0)
        {
            var last = (errors.Result + "\n" + output.Result).Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Where(l => !l.StartsWith("at ", StringComparison.Ordinal)).FirstOrDefault(l => l.Contains("error", StringComparison.OrdinalIgnoreCase))
                ?? "no message";
            throw new RunFailedException(string.Create(CultureInfo.InvariantCulture, $"{command} exited {process.ExitCode}: {last}"));
        }
        return output.Result;
    }

    /// <summary>A loss that stopped being finite, or ended well above where it was first logged, is a diverged run: its figures would say nothing of the method.</summary>
    private static void CheckConverged(string run)
    {
        var losses = TrainingLog.Read(run).Where(p => p.Phase == CheckpointState.AutoEncoderPhase).Select(p => p.Loss).ToList();
        // A budget too short for the first report (every reseedEvery steps) leaves nothing to judge.
        if (losses.Count > 0 && (losses.Any(l => !double.IsFinite(l)) || losses[^1] > 1.5 * losses[0]))
        {
            throw new RunFailedException(string.Create(CultureInfo.InvariantCulture, $"diverged: auto-encoder loss went from {losses[0]:G4} to {losses[^1]:G4}"));
        }
    }

    /// <summary>The image and pixel AUROC of <c>evaluate</c>'s JSON line (its last line of output).</summary>
    private static (double ImageAuroc, double PixelAuroc) Figures(string evaluation)
    {
        var line = evaluation.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "";
        try
        {
            using var json = JsonDocument.Parse(line);
            return (Figure(json.RootElement, "image_auroc"), Figure(json.RootElement, "pixel_auroc"));
        }
        catch (JsonException e)
        {
            throw new RunFailedException($"evaluate printed no JSON line ({e.Message})");
        }
    }

    private static double Figure(JsonElement line, string name) =>
        line.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && double.IsFinite(value.GetDouble())
            ? value.GetDouble()
            : throw new RunFailedException($"evaluate gave no {name}");
}
