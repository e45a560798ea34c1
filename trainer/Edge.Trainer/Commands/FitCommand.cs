using System.CommandLine;
using System.Globalization;
using Edge.Bundles.Fingerprint;
using Edge.Torch;
using Edge.Trainer.Data;
using Edge.Trainer.Model;
using Edge.Trainer.Reporting;
using Edge.Trainer.Runs;
using Edge.Trainer.Training;
using Edge.Trainer.Training.Guard;
using Spectre.Console;

namespace Edge.Trainer.Commands;

/// <summary>
/// <c>edge-train fit</c>: trains the model on a data set's normal images and saves the run. Checkpoints as it goes;
/// the first Ctrl-C (SIGINT) or SIGTERM stops it at the end of the current step, saves a checkpoint and exits with
/// 130 (SIGTERM: 143), so that <c>--resume</c> can continue; a second signal ends it at once.
/// </summary>
internal static class FitCommand
{
    public static Command Create()
    {
        var data = new Option<DirectoryInfo>("--data") { Description = "Data set in the MVTec AD layout.", Required = true };
        var output = new Option<DirectoryInfo>("--out") { Description = "Run folder to write.", Required = true };
        var preset = new Option<string?>("--preset") { Description = "tiny (the default), small or paper." };
        var config = new Option<FileInfo?>("--config") { Description = "JSON file overriding the preset's options (camelCase keys, as in the run's options.json)." };
        var device = new Option<string>("--device") { Description = "cpu, cuda:0 or cuda:N.", DefaultValueFactory = _ => "cpu" };
        var maxMinutes = new Option<double?>("--max-minutes") { Description = "Stop training after this long (a resumed run counts its earlier time)." };
        var steps = new Option<int?>("--steps") { Description = "Auto-encoder steps (the preset's by default)." };
        var plain = new Option<bool>("--plain-vq") { Description = "Train a plain VQ-VAE: routing fixed to one level, no prior." };
        var universal = new Option<bool>("--universal-prior") { Description = "One budget-prior CLS token for every product class (the universal-prior ablation)." };
        var seed = new Option<int?>("--seed") { Description = "Random seed (1 by default)." };
        var tiles = new Option<bool>("--tiles") { Description = "Native resolution: train on random crops of the model's input size and score frames as overlapping tiles (tiling.scale and tiling.stride in --config)." };
        var resume = new Option<bool>("--resume") { Description = "Continue the run in --out from its checkpoint, with its options.json unless options are given (they must match)." };
        var command = new Command("fit", "Train the patch-aware VQ auto-encoder and its budget prior on normal images.")
        {
            data, output, preset, config, device, maxMinutes, steps, plain, universal, seed, tiles, resume,
        };
        command.SetAction(result => CommandErrors.Run(() =>
        {
            var runFolder = result.GetValue(output)!.FullName;
            var resuming = result.GetValue(resume);
            var checkpoint = resuming ? TrainingCheckpoint.Read(runFolder) : null;
            var baseOptions = resuming && result.GetValue(preset) is null && result.GetValue(config) is null
                ? SavedOptions(runFolder)
                : PresetOptions(result.GetValue(preset) ?? "tiny", result.GetValue(config));
            var options = baseOptions with
            {
                Seed = result.GetValue(seed) ?? baseOptions.Seed,
                MaxMinutes = result.GetValue(maxMinutes) ?? baseOptions.MaxMinutes,
                Steps = result.GetValue(steps) ?? baseOptions.Steps,
                Tiling = result.GetValue(tiles) ? baseOptions.Tiling with { Enabled = true } : baseOptions.Tiling,
                Model = baseOptions.Model with
                {
                    PlainVq = baseOptions.Model.PlainVq || result.GetValue(plain),
                    UniversalPrior = baseOptions.Model.UniversalPrior || result.GetValue(universal),
                },
            };
            var deviceText = result.GetValue(device)!;
            var fit = new Fit(
                MvtecDataset.Open(result.GetValue(data)!.FullName), runFolder, options, TrainingDevice.Parse(deviceText), checkpoint,
                $"edge-train fit --data {ShellWord(result.GetValue(data)!.FullName)} --out {ShellWord(runFolder)} --resume{(deviceText == "cpu" ? "" : " --device " + deviceText)}");
            return fit.Run();
        }));
        return command;
    }

    /// <summary>A path as one shell word, quoted when it has to be, for a command line to copy.</summary>
    private static string ShellWord(string text) =>
        text.All(c => char.IsAsciiLetterOrDigit(c) || "/._-+:=@%,".Contains(c, StringComparison.Ordinal)) ? text : "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private static TrainingOptions PresetOptions(string name, FileInfo? config)
    {
        var options = Presets.Get(name);
        return config is null ? options : OptionsOverride.Apply(options, config.FullName);
    }

    private static TrainingOptions SavedOptions(string runFolder)
    {
        var path = Path.Combine(runFolder, TrainingRun.OptionsFile);
        return File.Exists(path)
            ? OptionsOverride.Apply(new TrainingOptions(), path)
            : throw new UserInputException($"'{runFolder}' has a checkpoint but no {TrainingRun.OptionsFile}; resume with the --preset and --config it was started with.");
    }

    /// <summary>One fit, from the checked options to the saved run (or the checkpoint it stopped at).</summary>
    private sealed class Fit(MvtecDataset dataset, string runFolder, TrainingOptions options, Device device, CheckpointState? checkpoint, string resumeCommand)
    {
        private static readonly string[] RunFiles =
            [TrainingRun.RunFile, TrainingRun.ModelFile, TrainingRun.PriorFile, TrainingRun.OptionsFile, LossCurve.File];

        public int Run()
        {
            Directory.CreateDirectory(runFolder);
            var dataFingerprint = TrainingDataFingerprint.Compute(dataset.Root).Sha256;
            TrainingDisplay display = !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive
                ? new TerminalTrainingDisplay(AnsiConsole.Console, options, checkpoint?.ElapsedSeconds ?? 0)
                : new PlainTrainingDisplay(Console.Out, options, checkpoint?.ElapsedSeconds ?? 0);
            TrainingLog? log = null;
            CheckpointState? autoEncoderEnd = null;
            var trainer = new PvqaeTrainer(options, dataset)
            {
                CheckpointFolder = runFolder,
                Device = device,
                DataFingerprint = dataFingerprint,
                Progress = p =>
                {
                    log!.Write(p);
                    display.Report(p);
                },
                StepFinished = display.Step,
                Rolled = r => display.Line(string.Create(CultureInfo.InvariantCulture,
                    $"step {r.Step}: {r.Reason}; rolled back to step {r.BackTo}, learning rate now {r.LearningRate:G3}")),
                CheckpointWritten = s =>
                {
                    autoEncoderEnd = s.Phase == CheckpointState.AutoEncoderPhase ? s : autoEncoderEnd;
                    display.CheckpointWritten(s, Path.Combine(runFolder, TrainingCheckpoint.StateFileName));
                },
            };
            if (checkpoint is not null)
            {
                trainer.CheckResume();
            }
            else
            {
                StartClean();
            }
            File.WriteAllText(Path.Combine(runFolder, TrainingRun.OptionsFile), OptionsOverride.Write(trainer.Options) + "\n");
            display.Line(checkpoint is null
                ? $"training on {dataset.Train.Count - trainer.ValidationImages.Count} normal images of {string.Join(", ", dataset.ClassNames)} on {device} ({trainer.ValidationImages.Count} held back to validate on)"
                : string.Create(CultureInfo.InvariantCulture, $"resuming {runFolder} at {checkpoint.Phase} step {checkpoint.Step}/{checkpoint.TotalSteps} on {device}"));

            using var signals = new TerminationSignals();
            Pvqae model;
            BudgetPrior prior;
            using (log = checkpoint is null ? TrainingLog.Start(runFolder) : TrainingLog.Continue(runFolder, checkpoint))
            {
                try
                {
                    (model, prior) = display.Show(() => trainer.Train(signals.Token, resume: checkpoint is not null));
                }
                catch (TrainingDivergedException)
                {
                    // Resuming would replay the same divergence: the folder is left free for a run with other options.
                    TrainingCheckpoint.Delete(runFolder);
                    throw;
                }
            }
            if (trainer.Routing is { } routing)
            {
                display.Line(routing.ToString());
            }
            if (trainer.PriorEntropy is { } entropy)
            {
                display.Line(string.Create(CultureInfo.InvariantCulture,
                    $"prior: mean entropy {entropy:F3} nats per cell with that cell masked (0 = sure of every level, {Math.Log(trainer.Config.Levels):F3} = nothing learned)"));
            }
            if (trainer.BestStep is { } best)
            {
                display.Line(string.Create(CultureInfo.InvariantCulture, $"kept the auto-encoder weights of step {best}, the best on {trainer.ValidationImages.Count} held-back normal images"));
            }
            var state = TrainingCheckpoint.Read(runFolder);
            using (model)
            using (prior)
            {
                LossCurve.Write(runFolder, TrainingLog.Read(runFolder));
                if (trainer.Stop == TrainingStop.Cancelled)
                {
                    display.Line($"stopped at {Where(state)}; checkpoint saved to {Path.Combine(runFolder, TrainingCheckpoint.StateFileName)}");
                    display.Line($"continue with: {resumeCommand}");
                    return signals.ExitCode;
                }
                TrainingRun.For(trainer.Config, dataset, dataFingerprint, trainer.Options.Tiling).Save(runFolder, model, prior);
            }
            if (trainer.Stop == TrainingStop.TimeBudget)
            {
                var budget = string.Create(CultureInfo.InvariantCulture, $"the time budget ({options.MaxMinutes} min)");
                display.Line(state.Step < state.TotalSteps
                    ? $"{budget} stopped {Where(state)}; the run is usable, and '{resumeCommand} --max-minutes M' with a larger M trains on from there"
                    : $"{budget} stopped {Where(autoEncoderEnd ?? state)} (the prior then trained fully); the run is usable, and a new run with a larger --max-minutes trains every step");
            }
            display.Line($"saved the run to {runFolder}");
            return 0;
        }

        private static string Where(CheckpointState state) => string.Create(CultureInfo.InvariantCulture, $"{state.Phase} step {state.Step}/{state.TotalSteps}");

        /// <summary>
        /// A new run replaces the folder's earlier one, but never an unfinished one (a checkpoint without run.json):
        /// that is hours of training a forgotten --resume must not throw away.
        /// </summary>
        private void StartClean()
        {
            if (TrainingCheckpoint.Exists(runFolder) && !File.Exists(Path.Combine(runFolder, TrainingRun.RunFile)))
            {
                var state = TrainingCheckpoint.Read(runFolder);
                throw new UserInputException(string.Create(CultureInfo.InvariantCulture,
                    $"'{runFolder}' holds an unfinished run (checkpoint at {state.Phase} step {state.Step}/{state.TotalSteps}); continue it with --resume, or remove the folder or choose another --out to start over."));
            }
            TrainingCheckpoint.Delete(runFolder);
            foreach (var file in RunFiles)
            {
                File.Delete(Path.Combine(runFolder, file));
            }
        }
    }
}
