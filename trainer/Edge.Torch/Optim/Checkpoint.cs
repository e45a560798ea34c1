using System.Globalization;
using Edge.Torch.Modules;
using Edge.Torch.Serialization;

namespace Edge.Torch.Optim;

/// <summary>
/// Training checkpoints: model state, optimizer state and settings, libtorch's CPU random state and
/// caller strings in one state file (layout in Serialization/STATE_FORMAT.md), so a run can stop and
/// resume with the same losses as an uninterrupted one.
/// </summary>
public static class Checkpoint
{
    private const string ModelPrefix = "model/";
    private const string OptimizerPrefix = "optimizer/";
    private const string RandomStateName = "rng/cpu";
    private const string FormatName = "edge-checkpoint";

    public static void Save(string path, Module model, Optimizer? optimizer = null, IReadOnlyDictionary<string, string>? extra = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var randomState = LibTorch.GetRngState();
        var tensors = model.NamedState().Select(p => new KeyValuePair<string, Tensor>(ModelPrefix + p.Key, p.Value))
            .Concat(optimizer?.NamedState().Select(p => new KeyValuePair<string, Tensor>(OptimizerPrefix + p.Key, p.Value)) ?? [])
            .Append(new(RandomStateName, randomState));
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal) { ["format"] = FormatName };
        if (optimizer != null)
        {
            metadata["step"] = optimizer.StepCount.ToString(CultureInfo.InvariantCulture);
            foreach (var (key, value) in optimizer.Settings())
            {
                metadata["optimizer." + key] = value;
            }
        }
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            metadata["extra." + key] = value;
        }
        StateFile.Write(path, tensors, metadata);
    }

    /// <summary>Restores the model, the optimizer (when given) and the random state; returns the caller strings saved with it.</summary>
    /// <exception cref="InvalidDataException">The file is not a checkpoint, or does not match the model or optimizer.</exception>
    public static IReadOnlyDictionary<string, string> Load(string path, Module model, Optimizer? optimizer = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var contents = StateFile.Read(path);
        if (!contents.Metadata.TryGetValue("format", out var format) || format != FormatName)
        {
            throw new InvalidDataException($"{path} is not an Edge checkpoint (format '{format}')");
        }
        model.LoadState(contents.WithPrefix(ModelPrefix));
        if (optimizer != null)
        {
            var settings = contents.Metadata.Where(p => p.Key.StartsWith("optimizer.", StringComparison.Ordinal))
                .ToDictionary(p => p.Key["optimizer.".Length..], p => p.Value, StringComparer.Ordinal);
            if (settings.TryGetValue("type", out var type) && type != optimizer.GetType().Name)
            {
                throw new InvalidDataException($"{path} holds {type} state, not {optimizer.GetType().Name}");
            }
            optimizer.LoadState(contents.WithPrefix(OptimizerPrefix), settings);
        }
        if (contents.Tensors.TryGetValue(RandomStateName, out var randomState))
        {
            LibTorch.SetRngState(randomState);
        }
        return contents.Metadata.Where(p => p.Key.StartsWith("extra.", StringComparison.Ordinal))
            .ToDictionary(p => p.Key["extra.".Length..], p => p.Value, StringComparer.Ordinal);
    }
}
