using Edge.Bundles.Versioning;

namespace Edge.Bundles.Manifest;

/// <summary>
/// The contents of <c>manifest.json</c> (documented in BUNDLE.md). Read it with
/// <see cref="ManifestSerializer.Parse(ReadOnlySpan{byte})"/> or <see cref="Files.Bundle.Open"/>; write it with
/// <see cref="Files.BundleWriter"/>. Immutable: change a copy with <c>with</c>.
/// </summary>
public sealed record BundleManifest
{
    /// <summary>The only format version this code reads and writes.</summary>
    public const int CurrentFormatVersion = 1;

    public int FormatVersion { get; init; } = CurrentFormatVersion;

    public required SemanticVersion ModelVersion { get; init; }

    public required DateTimeOffset CreatedUtc { get; init; }

    /// <summary>What wrote the bundle, e.g. <c>edge-train 0.3.0</c>.</summary>
    public required string Producer { get; init; }

    public required InputSpec Input { get; init; }

    public required ArchitectureSpec Architecture { get; init; }

    /// <summary>Product classes, in the order of the budget prior's class tokens.</summary>
    public required IReadOnlyList<string> ClassNames { get; init; }

    public required ScoringSpec Scoring { get; init; }

    /// <summary>Null until <c>edge-train calibrate</c> has run.</summary>
    public ThresholdSet? Thresholds { get; init; }

    /// <summary>Null until <c>edge-train calibrate</c> has run.</summary>
    public NormalStatistics? NormalStatistics { get; init; }

    /// <summary>Which images the thresholds came from; null until <c>edge-train calibrate</c> has run (or for a bundle calibrated before it was recorded).</summary>
    public CalibrationData? Calibration { get; init; }

    /// <summary>Null until <c>edge-train evaluate</c> has run.</summary>
    public ValidationMetrics? Validation { get; init; }

    public required TrainingDataInfo TrainingData { get; init; }

    /// <summary>Every file of the bundle except the manifest and its signature, by file name.</summary>
    public IReadOnlyDictionary<string, FileEntry> Files { get; init; } = new Dictionary<string, FileEntry>();

    public required GoldenSpec Golden { get; init; }

    /// <summary>True when thresholds and the normal statistics they came from are present: a device should only alarm with these.</summary>
    public bool IsCalibrated => Thresholds is not null && NormalStatistics is not null;

    /// <summary>The graphs this manifest's architecture needs (the budget prior only when routing is learned).</summary>
    public IEnumerable<BundleGraph> RequiredGraphs =>
        BundleFileNames.AllGraphs.Where(g => g != BundleGraph.BudgetPrior || !Architecture.PlainVq);
}
