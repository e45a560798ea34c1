using Edge.Bundles.Manifest;

namespace Edge.Bundles.Json;

/// <summary>The JSON spelling of every enum in the manifest, in one place for reading and writing.</summary>
internal static class ManifestEnumNames
{
    public static readonly IReadOnlyList<(string Text, ScoringMethod Value)> ScoringMethods =
    [
        ("budget-x-recon", ScoringMethod.BudgetXRecon),
        ("ssim-x-alignment", ScoringMethod.SsimXAlignment),
        ("recon-only", ScoringMethod.ReconOnly),
    ];

    public static readonly IReadOnlyList<(string Text, ImageScoreReduction Value)> ImageScoreReductions =
    [
        ("max", ImageScoreReduction.Max),
        ("quantile", ImageScoreReduction.Quantile),
    ];

    public static readonly IReadOnlyList<(string Text, ChannelReduction Value)> ChannelReductions =
    [
        ("sum", ChannelReduction.Sum),
        ("mean", ChannelReduction.Mean),
    ];

    public static readonly IReadOnlyList<(string Text, SsimWindowKind Value)> SsimWindows =
    [
        ("gaussian", SsimWindowKind.Gaussian),
        ("uniform", SsimWindowKind.Uniform),
    ];

    public static readonly IReadOnlyList<(string Text, CalibrationSource Value)> CalibrationSources =
    [
        ("split", CalibrationSource.Split),
        ("validation-folder", CalibrationSource.ValidationFolder),
    ];

    public static string Of<T>(IReadOnlyList<(string Text, T Value)> names, T value)
        where T : struct, Enum
    {
        foreach (var (text, candidate) in names)
        {
            if (EqualityComparer<T>.Default.Equals(candidate, value))
            {
                return text;
            }
        }
        throw new ArgumentOutOfRangeException(nameof(value), value, $"{typeof(T).Name} has no JSON name for this value.");
    }
}
