using System.Globalization;
using System.Text.Json.Serialization;

namespace Edge.Trainer.Training;

/// <summary>
/// Where training stood when a checkpoint was written: the phase, the last finished step of it, the time spent so
/// far, and what it was trained with and on. <see cref="Usage"/> (codebook usage since the last re-seeding) and
/// <see cref="Options"/> travel only inside checkpoint.safetensors; checkpoint.json shows the rest.
/// </summary>
/// <param name="Phase"><see cref="AutoEncoderPhase"/> or <see cref="PriorPhase"/>.</param>
/// <param name="Step">Steps of <paramref name="Phase"/> finished (0 = none yet).</param>
/// <param name="TotalSteps">Steps the phase runs to.</param>
/// <param name="OptionsFingerprint">See <see cref="Training.OptionsFingerprint"/>.</param>
/// <param name="DataFingerprint">The training data's fingerprint, when the trainer was given it.</param>
public sealed record CheckpointState(
    string Phase, int Step, int TotalSteps, double ElapsedSeconds, string OptionsFingerprint, string? DataFingerprint)
{
    public const string AutoEncoderPhase = "autoencoder";
    public const string PriorPhase = "prior";

    /// <summary>Code usage per level counted since the last re-seeding (auto-encoder phase only).</summary>
    [JsonIgnore]
    public IReadOnlyList<long[]> Usage { get; init; } = [];

    /// <summary>What divergence roll-backs have multiplied the learning rate by (1 = none).</summary>
    [JsonIgnore]
    public double LearningRateFactor { get; init; } = 1.0;

    /// <summary>The options as compact JSON (<see cref="OptionsOverride.Write"/>'s keys).</summary>
    [JsonIgnore]
    public string Options { get; init; } = "{}";

    /// <summary>The state as checkpoint metadata strings.</summary>
    public IReadOnlyDictionary<string, string> ToStrings()
    {
        var strings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["phase"] = Phase,
            ["step"] = Step.ToString(CultureInfo.InvariantCulture),
            ["totalSteps"] = TotalSteps.ToString(CultureInfo.InvariantCulture),
            ["elapsedSeconds"] = ElapsedSeconds.ToString("R", CultureInfo.InvariantCulture),
            ["optionsFingerprint"] = OptionsFingerprint,
            ["options"] = Options,
            ["learningRateFactor"] = LearningRateFactor.ToString("R", CultureInfo.InvariantCulture),
        };
        if (DataFingerprint is not null)
        {
            strings["dataFingerprint"] = DataFingerprint;
        }
        for (var l = 0; l < Usage.Count; l++)
        {
            strings[$"usage{l}"] = string.Join(',', Usage[l].Select(u => u.ToString(CultureInfo.InvariantCulture)));
        }
        return strings;
    }

    /// <exception cref="InvalidDataException">The strings are not those of an edge-train fit checkpoint.</exception>
    public static CheckpointState FromStrings(IReadOnlyDictionary<string, string> strings, string source)
    {
        ArgumentNullException.ThrowIfNull(strings);
        string Get(string key) => strings.TryGetValue(key, out var value)
            ? value
            : throw new InvalidDataException($"'{source}' is not a checkpoint of edge-train fit (it has no '{key}').");
        var phase = Get("phase");
        if (phase is not (AutoEncoderPhase or PriorPhase))
        {
            throw new InvalidDataException($"'{source}' names an unknown training phase '{phase}'.");
        }
        try
        {
            var usage = strings.Where(p => p.Key.StartsWith("usage", StringComparison.Ordinal))
                .OrderBy(p => int.Parse(p.Key["usage".Length..], CultureInfo.InvariantCulture))
                .Select(p => p.Value.Length == 0 ? [] : p.Value.Split(',').Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToArray())
                .ToList();
            return new CheckpointState(
                phase,
                int.Parse(Get("step"), CultureInfo.InvariantCulture),
                int.Parse(Get("totalSteps"), CultureInfo.InvariantCulture),
                double.Parse(Get("elapsedSeconds"), CultureInfo.InvariantCulture),
                Get("optionsFingerprint"),
                strings.GetValueOrDefault("dataFingerprint"))
            {
                Usage = usage,
                Options = Get("options"),
                LearningRateFactor = strings.TryGetValue("learningRateFactor", out var factor) ? double.Parse(factor, CultureInfo.InvariantCulture) : 1.0,
            };
        }
        catch (FormatException e)
        {
            throw new InvalidDataException($"'{source}' holds a malformed training state: {e.Message}", e);
        }
    }
}
