using System.Text.Json;
using Edge.Torch.Modules;
using Edge.Torch.Optim;
using Edge.Torch.Serialization;
using Edge.Trainer.Commands;

namespace Edge.Trainer.Training;

/// <summary>
/// A run folder's checkpoint: checkpoint.safetensors (both models, the current phase's optimizer state, libtorch's CPU
/// random state and the <see cref="CheckpointState"/> as metadata; Edge.Torch's <see cref="Checkpoint"/> layout) and
/// checkpoint.json (the state for people and scripts). Each file is written under a temporary name and renamed, so
/// an interruption never leaves a torn file; the safetensors file is written first and is what a resume reads.
/// </summary>
public static class TrainingCheckpoint
{
    public const string StateFileName = "checkpoint.safetensors";
    public const string JsonFileName = "checkpoint.json";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static bool Exists(string folder) => File.Exists(Path.Combine(folder, StateFileName));

    internal static void Save(string folder, Module modules, Optimizer optimizer, CheckpointState state)
    {
        Checkpoint.Save(Path.Combine(folder, StateFileName), modules, optimizer, state.ToStrings());
        var json = Path.Combine(folder, JsonFileName);
        var temporary = json + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(state, Json) + "\n");
        File.Move(temporary, json, overwrite: true);
    }

    /// <summary>The state of the folder's checkpoint.</summary>
    /// <exception cref="UserInputException">The folder has no checkpoint, or its file is not one.</exception>
    public static CheckpointState Read(string folder)
    {
        var path = Path.Combine(folder, StateFileName);
        if (!File.Exists(path))
        {
            throw new UserInputException($"'{folder}' has no checkpoint ({StateFileName}) to resume from; start the run without --resume.");
        }
        try
        {
            var extra = StateFile.ReadMetadata(path).Where(p => p.Key.StartsWith("extra.", StringComparison.Ordinal))
                .ToDictionary(p => p.Key["extra.".Length..], p => p.Value, StringComparer.Ordinal);
            return CheckpointState.FromStrings(extra, path);
        }
        catch (InvalidDataException e)
        {
            throw new UserInputException($"Cannot resume from '{path}': {e.Message}", e);
        }
    }

    /// <summary>Loads the models, the optimizer and the random state from the folder's checkpoint.</summary>
    internal static void Restore(string folder, Module modules, Optimizer optimizer)
    {
        var path = Path.Combine(folder, StateFileName);
        try
        {
            Checkpoint.Load(path, modules, optimizer);
        }
        catch (InvalidDataException e)
        {
            throw new UserInputException($"Cannot resume from '{path}': {e.Message}", e);
        }
    }

    /// <summary>Removes the folder's checkpoint (a new run into the folder starts clean).</summary>
    public static void Delete(string folder)
    {
        File.Delete(Path.Combine(folder, StateFileName));
        File.Delete(Path.Combine(folder, JsonFileName));
    }
}
