using System.Text.Json;
using Edge.Testing;
using Edge.Trainer.Runs;
using Edge.Trainer.Training;

namespace Edge.Trainer.Tests.Training;

/// <summary>edge-train fit as a child process, stopped by a real signal after its first checkpoint.</summary>
public sealed class FitInterruptTests(FitData data) : IClassFixture<FitData>
{
    [Fact]
    public void Ctrl_C_saves_a_checkpoint_exits_130_and_resume_finishes_with_the_log_of_an_uninterrupted_run()
    {
        using var folder = new TempFolder();
        var config = FitData.TinyConfig(folder, steps: 300, priorSteps: 20, checkpointEvery: 5);
        var through = FitData.Run("fit", "--data", data.DataFolder, "--out", folder.File("through"), "--config", config);
        Assert.True(through.ExitCode == 0, through.Errors);
        var run = folder.File("run");

        var (exit, output, errors) = StopAfterFirstCheckpoint("INT", "fit", "--data", data.DataFolder, "--out", run, "--config", config);

        Assert.Equal(130, exit);
        Assert.Equal("", errors);
        var checkpoint = Path.Combine(run, TrainingCheckpoint.StateFileName);
        Assert.Contains($"checkpoint saved to {checkpoint}", output, StringComparison.Ordinal);
        Assert.Contains($"continue with: edge-train fit --data {data.DataFolder} --out {run} --resume", output, StringComparison.Ordinal);
        Assert.True(File.Exists(checkpoint));
        Assert.False(File.Exists(Path.Combine(run, TrainingRun.RunFile)), "a stopped run must not look finished");
        var stopped = TrainingCheckpoint.Read(run);
        Assert.Equal(CheckpointState.AutoEncoderPhase, stopped.Phase);
        Assert.InRange(stopped.Step, 5, 299);

        var resumed = FitData.Run("fit", "--data", data.DataFolder, "--out", run, "--resume");

        Assert.True(resumed.ExitCode == 0, resumed.Errors);
        Assert.Contains($"resuming {run} at autoencoder step {stopped.Step}/300", resumed.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(run, TrainingRun.RunFile)));
        var final = TrainingCheckpoint.Read(run);
        Assert.Equal((CheckpointState.PriorPhase, 20, 20), (final.Phase, final.Step, final.TotalSteps));
        // Same batches, same random state, same optimizer state: the log is the uninterrupted run's, line for line.
        var expected = TrainingLog.Read(folder.File("through"));
        var actual = TrainingLog.Read(run);
        Assert.Equal(expected.Select(p => (p.Phase, p.Step)), actual.Select(p => (p.Phase, p.Step)));
        Assert.Equal(expected.Select(p => p.Loss), actual.Select(p => p.Loss));
    }

    [Fact]
    public void SIGTERM_also_stops_after_the_step_with_a_checkpoint_and_exits_143()
    {
        using var folder = new TempFolder();
        var run = folder.File("run");

        var (exit, output, errors) = StopAfterFirstCheckpoint(
            "TERM", "fit", "--data", data.DataFolder, "--out", run, "--config", FitData.TinyConfig(folder, steps: 300, priorSteps: 20, checkpointEvery: 5));

        Assert.Equal(143, exit);
        Assert.Equal("", errors);
        Assert.Contains("continue with:", output, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, TrainingCheckpoint.JsonFileName)));
        Assert.Equal("autoencoder", json.RootElement.GetProperty("phase").GetString());
    }

    /// <summary>Starts edge-train, sends the signal once it reports its first checkpoint, and waits for it to exit.</summary>
    private static (int ExitCode, string Output, string Errors) StopAfterFirstCheckpoint(string signal, params string[] arguments)
    {
        using var process = FitData.Start(arguments);
        var errors = process.StandardError.ReadToEndAsync();
        var output = new List<string>();
        string? line;
        while ((line = process.StandardOutput.ReadLine()) is not null)
        {
            output.Add(line);
            if (line.StartsWith("checkpoint: ", StringComparison.Ordinal))
            {
                ExternalTool.Run("kill", ["-s", signal, process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
                break;
            }
        }
        Assert.True(line is not null, $"edge-train ended before its first checkpoint: {string.Join('\n', output)} {errors.Result}");
        output.AddRange(process.StandardOutput.ReadToEnd().Split('\n'));
        if (!process.WaitForExit(TimeSpan.FromMinutes(1)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("edge-train did not stop within a minute of the signal.");
        }
        return (process.ExitCode, string.Join('\n', output), errors.Result);
    }
}
