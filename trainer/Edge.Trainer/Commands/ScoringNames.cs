using Edge.Bundles.Manifest;

namespace Edge.Trainer.Commands;

/// <summary>Reads a <c>--scoring</c> option: a manifest scoring name, or nothing.</summary>
internal static class ScoringNames
{
    public static ScoringMethod? ParseOptional(string? name) => name is null
        ? null
        : ScoringMethodNames.TryParse(name, out var method)
            ? method
            : throw new UserInputException($"Unknown scoring '{name}'; choose {string.Join(", ", ScoringMethodNames.All)}.");
}
