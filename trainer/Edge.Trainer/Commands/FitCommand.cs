using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Edge.Trainer.Data;
using Edge.Trainer.Runs;
using Edge.Trainer.Training;

namespace Edge.Trainer.Commands;

/// <summary><c>edge-train fit</c>: trains the model on a data set's normal images and saves the run.</summary>
internal static class FitCommand
{
    public static Command Create()
    {
        var data = new Option<DirectoryInfo>("--data") { Description = "Data set in the MVTec AD layout.", Required = true };
        var output = new Option<DirectoryInfo>("--out") { Description = "Run folder to write.", Required = true };
        var preset = new Option<string>("--preset") { Description = "tiny, small or paper.", DefaultValueFactory = _ => "tiny" };
        var maxMinutes = new Option<double?>("--max-minutes") { Description = "Stop training after this long." };
        var steps = new Option<int?>("--steps") { Description = "Auto-encoder steps (the preset's by default)." };
        var plain = new Option<bool>("--plain-vq") { Description = "Train a plain VQ-VAE: routing fixed to one level, no prior." };
        var seed = new Option<int>("--seed") { Description = "Random seed.", DefaultValueFactory = _ => 1 };
        var command = new Command("fit", "Train the patch-aware VQ auto-encoder and its budget prior on normal images.")
        {
            data, output, preset, maxMinutes, steps, plain, seed,
        };
        command.SetAction(result => CommandErrors.Run(() =>
        {
            var options = Presets.Get(result.GetValue(preset)!);
            options = options with
            {
                Seed = result.GetValue(seed),
                MaxMinutes = result.GetValue(maxMinutes) ?? options.MaxMinutes,
                Steps = result.GetValue(steps) ?? options.Steps,
                Model = options.Model with { PlainVq = result.GetValue(plain) },
            };
            var dataset = MvtecDataset.Open(result.GetValue(data)!.FullName);
            var runFolder = result.GetValue(output)!.FullName;
            Directory.CreateDirectory(runFolder);
            using var log = new StreamWriter(Path.Combine(runFolder, TrainingRun.LogFile));
            using var cancel = new CancellationTokenSource();
            Console.CancelKeyPress += (_, e) =>
            {
                // First Ctrl-C: stop at the next step and save what was learned.
                e.Cancel = true;
                cancel.Cancel();
            };
            var history = new List<TrainingProgress>();
            var trainer = new PvqaeTrainer(options, dataset)
            {
                Progress = p =>
                {
                    history.Add(p);
                    log.WriteLine(JsonSerializer.Serialize(p));
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{p.Phase,-11} step {p.Step,5}/{p.TotalSteps}  loss {p.Loss:F4}  recon {p.Reconstruction:F4}  vq {p.Vq:F4}  budget {p.Budget:F4}  perplexity [{string.Join(" ", p.Perplexity.Select(x => x.ToString("F1", CultureInfo.InvariantCulture)))}]  {p.ElapsedSeconds:F0}s"));
                },
            };
            Console.WriteLine($"training on {dataset.Train.Count} normal images of {string.Join(", ", dataset.ClassNames)}");
            var (model, prior) = trainer.Train(cancel.Token);
            using (model)
            using (prior)
            {
                TrainingRun.For(trainer.Config, dataset).Save(runFolder, model, prior);
            }
            LossCurve.Write(runFolder, history);
            Console.WriteLine($"saved the run to {runFolder}");
            return 0;
        }));
        return command;
    }
}
