namespace Edge.Scoring.Maps;

/// <summary>How a bundle turns graph outputs into a defect map; the manifest names one.</summary>
public enum ScoringMethod
{
    /// <summary>METHOD.md section 2: budget cross entropy against the prior, times squared reconstruction error.</summary>
    BudgetTimesReconstruction,

    /// <summary>METHOD.md section 3: (1 - SSIM), dilated, times the dilated, upsampled alignment map.</summary>
    SsimTimesAlignment,
}
