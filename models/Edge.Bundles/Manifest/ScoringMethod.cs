namespace Edge.Bundles.Manifest;

/// <summary>How a frame's anomaly map is computed from the graphs' outputs (see Edge.Scoring).</summary>
public enum ScoringMethod
{
    /// <summary>METHOD.md section 2: budget cross entropy x reconstruction error under the prior's allocation. JSON <c>"budget-x-recon"</c>.</summary>
    BudgetXRecon,

    /// <summary>METHOD.md section 3: (1 - SSIM) x dilated, upsampled alignment map. JSON <c>"ssim-x-alignment"</c>.</summary>
    SsimXAlignment,

    /// <summary>Squared reconstruction error alone: the plain VQ-VAE baseline and the "no prior" ablation. JSON <c>"recon-only"</c>.</summary>
    ReconOnly,
}
