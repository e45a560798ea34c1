using Edge.Bundles.Manifest;

namespace Edge.Trainer.Export;

/// <summary>What <c>edge-train export</c> writes besides the model itself.</summary>
public sealed record ExportOptions
{
    public required string Version { get; init; }

    /// <summary>The scoring the bundle uses; null picks budget-x-recon for PVQAE and ssim-x-alignment for plain VQ.</summary>
    public ScoringMethod? Scoring { get; init; }
}
