using System.Text.Json;
using Edge.Testing;
using Edge.Trainer.Commands;
using Edge.Trainer.Data;
using Edge.Trainer.Model;
using Edge.Trainer.Runs;
using Edge.Trainer.Training;

namespace Edge.Trainer.Tests.Training;

public sealed class FitResumeTests(FitData data) : IClassFixture<FitData>
{
    private static TrainingOptions Tiny(int steps, int priorSteps, int checkpointEvery) => new()
    {
        Model = new PvqaeConfig { ImageSize = 32, BaseWidth = 8, EmbeddingDim = 8, CodebookSize = 16, RoutingHidden = 8, PriorWidth = 8, PriorHeads = 2 },
        BatchSize = 2, Steps = steps, PriorSteps = priorSteps, ReseedEvery = 4, CheckpointEverySteps = checkpointEvery, MaxMinutes = 5,
    };

    [Fact]
    public void Checkpoints_come_every_N_steps_at_each_phase_end_and_where_a_cancelled_run_stopped_and_resuming_reaches_the_same_total()
    {
        using var folder = new TempFolder();
        var dataset = MvtecDataset.Open(data.DataFolder);
        var options = Tiny(steps: 12, priorSteps: 6, checkpointEvery: 5);
        using var cancel = new CancellationTokenSource();
        var written = new List<CheckpointState>();
        var first = new PvqaeTrainer(options, dataset)
        {
            CheckpointFolder = folder.Path,
            CheckpointWritten = written.Add,
            StepFinished = (phase, step, _) =>
            {
                if (phase == CheckpointState.AutoEncoderPhase && step == 7)
                {
                    cancel.Cancel();
                }
            },
        };

        var (model, prior) = first.Train(cancel.Token);
        model.Dispose();
        prior.Dispose();

        Assert.Equal(TrainingStop.Cancelled, first.Stop);
        Assert.Equal([5, 7], written.Select(s => s.Step));
        var saved = TrainingCheckpoint.Read(folder.Path);
        Assert.Equal((CheckpointState.AutoEncoderPhase, 7, 12), (saved.Phase, saved.Step, saved.TotalSteps));
        Assert.Equal(3, saved.Usage.Count);
        using (var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder.Path, TrainingCheckpoint.JsonFileName))))
        {
            Assert.Equal("autoencoder", json.RootElement.GetProperty("phase").GetString());
            Assert.Equal(7, json.RootElement.GetProperty("step").GetInt32());
            Assert.Equal(OptionsFingerprint.Compute(first.Options), json.RootElement.GetProperty("optionsFingerprint").GetString());
            Assert.True(json.RootElement.GetProperty("elapsedSeconds").GetDouble() > 0);
        }

        written.Clear();
        var progress = new List<TrainingProgress>();
        var second = new PvqaeTrainer(options, dataset) { CheckpointFolder = folder.Path, CheckpointWritten = written.Add, Progress = progress.Add };
        (model, prior) = second.Train(resume: true);
        model.Dispose();
        prior.Dispose();

        Assert.Equal(TrainingStop.Finished, second.Stop);
        Assert.Equal([(CheckpointState.AutoEncoderPhase, 10), (CheckpointState.AutoEncoderPhase, 12), (CheckpointState.PriorPhase, 5), (CheckpointState.PriorPhase, 6)],
            written.Select(s => (s.Phase, s.Step)));
        Assert.Equal([(CheckpointState.AutoEncoderPhase, 8), (CheckpointState.AutoEncoderPhase, 12), (CheckpointState.PriorPhase, 6)],
            progress.Select(p => (p.Phase, p.Step)));
        Assert.True(progress[0].ElapsedSeconds > saved.ElapsedSeconds, "the resumed run's clock starts where the checkpoint's stopped");
    }

    [Fact]
    public void Resuming_with_changed_options_is_a_one_line_error_naming_what_changed()
    {
        using var folder = new TempFolder();
        var config = FitData.TinyConfig(folder, steps: 4, priorSteps: 2, checkpointEvery: 2);
        var run = folder.File("run");
        Assert.Equal(0, FitData.Run("fit", "--data", data.DataFolder, "--out", run, "--config", config).ExitCode);
        var before = File.ReadAllText(Path.Combine(run, TrainingRun.OptionsFile));

        var (exit, _, errors) = FitData.Run("fit", "--data", data.DataFolder, "--out", run, "--resume", "--steps", "6");

        Assert.Equal(1, exit);
        var line = Assert.Single(errors.Trim().Split('\n'));
        Assert.StartsWith("edge-train: error: Cannot resume", line, StringComparison.Ordinal);
        Assert.Contains("steps 4 -> 6", line, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(Path.Combine(run, TrainingRun.OptionsFile)));

        // Options that do not change what is learned may change: the time budget and the checkpoint interval.
        var resumed = FitData.Run("fit", "--data", data.DataFolder, "--out", run, "--resume", "--max-minutes", "3", "--config", FitData.TinyConfig(folder, 4, 2, checkpointEvery: 1));
        Assert.True(resumed.ExitCode == 0, resumed.Errors);
    }

    [Fact]
    public void Resuming_a_folder_without_a_checkpoint_is_a_one_line_error()
    {
        using var folder = new TempFolder();

        var (exit, output, errors) = FitData.Run("fit", "--data", data.DataFolder, "--out", folder.Path, "--resume");

        Assert.Equal(1, exit);
        var line = Assert.Single(errors.Trim().Split('\n'));
        Assert.Contains("has no checkpoint", line, StringComparison.Ordinal);
        Assert.Equal("", output);
    }

    [Fact]
    public void A_new_run_into_a_folder_with_an_unfinished_run_is_refused_so_a_forgotten_resume_loses_nothing()
    {
        using var folder = new TempFolder();
        var dataset = MvtecDataset.Open(data.DataFolder);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var (model, prior) = new PvqaeTrainer(Tiny(4, 2, 2), dataset) { CheckpointFolder = folder.Path }.Train(cancelled.Token);
        model.Dispose();
        prior.Dispose();

        var (exit, _, errors) = FitData.Run("fit", "--data", data.DataFolder, "--out", folder.Path, "--config", FitData.TinyConfig(folder, 4, 2, 2));

        Assert.Equal(1, exit);
        Assert.Contains("holds an unfinished run (checkpoint at autoencoder step 0/4); continue it with --resume", Assert.Single(errors.Trim().Split('\n')), StringComparison.Ordinal);
        Assert.True(TrainingCheckpoint.Exists(folder.Path));
    }

    [Fact]
    public void The_log_of_a_resumed_run_keeps_the_lines_up_to_its_checkpoint_and_drops_later_and_torn_ones()
    {
        using var folder = new TempFolder();
        TrainingProgress Line(string phase, int step) => new(phase, step, 100, 1, 1, 1, 1, [1.0], step);
        using (var log = TrainingLog.Start(folder.Path))
        {
            foreach (var (phase, step) in new[] { ("autoencoder", 50), ("autoencoder", 100), ("prior", 50), ("prior", 100) })
            {
                log.Write(Line(phase, step));
            }
        }
        File.AppendAllText(TrainingLog.PathIn(folder.Path), """{"Phase":"prior","St""");
        var checkpoint = new CheckpointState(CheckpointState.PriorPhase, 60, 100, 1, "sha256:x", null);

        using (var log = TrainingLog.Continue(folder.Path, checkpoint))
        {
            log.Write(Line("prior", 100));
        }

        Assert.Equal([("autoencoder", 50), ("autoencoder", 100), ("prior", 50), ("prior", 100)], TrainingLog.Read(folder.Path).Select(p => (p.Phase, p.Step)));
        Assert.Equal(4, File.ReadAllLines(TrainingLog.PathIn(folder.Path)).Length);
    }

    [Fact]
    public void Resuming_on_other_data_is_refused()
    {
        using var folder = new TempFolder();
        var dataset = MvtecDataset.Open(data.DataFolder);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var options = Tiny(4, 2, 2);
        var (model, prior) = new PvqaeTrainer(options, dataset) { CheckpointFolder = folder.Path, DataFingerprint = "aaaa" }.Train(cancelled.Token);
        model.Dispose();
        prior.Dispose();

        var error = Assert.Throws<UserInputException>(() => new PvqaeTrainer(options, dataset) { CheckpointFolder = folder.Path, DataFingerprint = "bbbb" }.CheckResume());

        Assert.Contains("trained on other data", error.Message, StringComparison.Ordinal);
    }
}
