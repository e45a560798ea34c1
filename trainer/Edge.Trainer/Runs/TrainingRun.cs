using System.Text.Json;
using Edge.Bundles.Fingerprint;
using Edge.Trainer.Commands;
using Edge.Trainer.Data;
using Edge.Trainer.Model;
using Edge.Trainer.Training;

namespace Edge.Trainer.Runs;

/// <summary>
/// A training run's folder: run.json (configuration, tiling, class names, and which data it learned from), model.safetensors
/// and prior.safetensors (libtorch state in the safetensors format), and log.jsonl (one progress line per report).
/// <c>fit</c> also writes options.json (the effective training options, a valid <c>--config</c> file), loss.svg and the
/// checkpoint (<see cref="Training.TrainingCheckpoint"/>). run.json is written last: a folder without it is no finished run.
/// </summary>
/// <param name="DataFingerprint">SHA-256 fingerprint of the data set's images (<see cref="TrainingDataFingerprint"/>).</param>
/// <param name="ClassCounts">Normal training images per product class.</param>
/// <param name="Tiling">How the images were cut into the model's input (native-resolution tiles when enabled); null in
/// runs from before tiling existed, which learned from whole images.</param>
public sealed record TrainingRun(
    PvqaeConfig Config, IReadOnlyList<string> ClassNames, string DataFingerprint, IReadOnlyDictionary<string, int> ClassCounts,
    TilingOptions? Tiling = null)
{
    public const string RunFile = "run.json";
    public const string ModelFile = "model.safetensors";
    public const string PriorFile = "prior.safetensors";
    public const string LogFile = "log.jsonl";
    public const string OptionsFile = "options.json";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary>The run record of a model trained on <paramref name="dataset"/>: its classes, image counts and fingerprint.</summary>
    public static TrainingRun For(PvqaeConfig config, MvtecDataset dataset, TilingOptions? tiling = null) =>
        For(config, dataset, TrainingDataFingerprint.Compute(dataset.Root).Sha256, tiling);

    /// <summary>The same with the data set's fingerprint already computed (<c>fit</c> needs it before training).</summary>
    public static TrainingRun For(PvqaeConfig config, MvtecDataset dataset, string dataFingerprint, TilingOptions? tiling = null) => new(
        config,
        dataset.ClassNames,
        dataFingerprint,
        dataset.ClassNames.ToDictionary(c => c, c => dataset.Train.Count(s => s.ProductClass == c), StringComparer.Ordinal),
        tiling);

    public void Save(string folder, Pvqae model, BudgetPrior prior)
    {
        Directory.CreateDirectory(folder);
        model.Save(Path.Combine(folder, ModelFile));
        prior.Save(Path.Combine(folder, PriorFile));
        File.WriteAllText(Path.Combine(folder, RunFile), JsonSerializer.Serialize(this, Json));
    }

    /// <summary>Opens a run folder; a folder without a finished run says so in one line.</summary>
    public static (TrainingRun Run, Pvqae Model, BudgetPrior Prior) Load(string folder)
    {
        var runFile = Path.Combine(folder, RunFile);
        if (!File.Exists(runFile) || !File.Exists(Path.Combine(folder, ModelFile)))
        {
            throw new UserInputException($"'{folder}' holds no finished training run (no {RunFile} and {ModelFile}); train one with 'edge-train fit'.");
        }
        TrainingRun run;
        try
        {
            run = JsonSerializer.Deserialize<TrainingRun>(File.ReadAllText(runFile), Json)
                ?? throw new UserInputException($"'{runFile}' is empty.");
        }
        catch (JsonException e)
        {
            throw new UserInputException($"'{runFile}' is not a valid run record: {e.Message}");
        }
        var model = new Pvqae(run.Config);
        model.Load(Path.Combine(folder, ModelFile));
        var prior = new BudgetPrior(run.Config);
        if (File.Exists(Path.Combine(folder, PriorFile)))
        {
            prior.Load(Path.Combine(folder, PriorFile));
        }
        model.Eval();
        prior.Eval();
        return (run, model, prior);
    }
}
