namespace Edge.Detection;

/// <summary>
/// The score a person reads: the raw score divided by the calibrated threshold, so 1.0 is the threshold whatever the
/// model's scale, 0.5 is half-way there and 2.0 twice over it. Chosen over anomalib's convention (0.5 at the threshold,
/// squashed into 0..1) because a ratio stays linear above the threshold, where an operator most wants to tell a
/// scratch from a hole, and needs no second calibrated figure (anomalib's min-max bounds). Raw scores stay beside it
/// for tools: only the threshold gives them meaning.
/// </summary>
public static class NormalizedScore
{
    /// <summary>A threshold at or below this is treated as this: raw scores are non-negative distances, never divided by zero.</summary>
    public const double SmallestThreshold = 1e-12;

    public static double Of(double score, double threshold) => score / Math.Max(threshold, SmallestThreshold);
}
