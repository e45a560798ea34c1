namespace Edge.Agent.Cameras.Health;

/// <summary>Thresholds and cadence of the camera health checks.</summary>
public sealed record CameraHealthSettings
{
    /// <summary>Run the checks on one frame in this many (they cost a pass over the sampled pixels).</summary>
    public int CheckEveryFrames { get; init; } = 30;

    /// <summary>Sample every n-th pixel of every n-th row (see <see cref="FrameStatistics.Measure(Frames.CameraFrame, int)"/>).</summary>
    public int SampleStep { get; init; } = 2;

    /// <summary>Lens blocked when the brightness variance is below this (a standard deviation of about 4.5 levels).</summary>
    public double BlockedMaxVariance { get; init; } = 20;

    /// <summary>Lens blocked when the mean brightness is below this (0–255).</summary>
    public double BlockedMaxMean { get; init; } = 12;

    /// <summary>Checks that build the baseline (their measures are averaged) before focus and exposure are judged.</summary>
    public int BaselineChecks { get; init; } = 10;

    /// <summary>Focus lost when the Laplacian variance falls below this fraction of the baseline's.</summary>
    public double FocusMinRatio { get; init; } = 0.35;

    /// <summary>Exposure changed when the mean brightness moves more than this (0–255) from the baseline.</summary>
    public double ExposureMaxShift { get; init; } = 40;

    /// <summary>
    /// Weight of each healthy check in the baseline once learned (exponential average), so slow daylight
    /// drift is followed while a sudden jump is reported; 0 freezes the baseline.
    /// </summary>
    public double BaselineAdaptation { get; init; } = 0.02;

    /// <summary>Throws with the name of the first bad setting.</summary>
    public void Validate()
    {
        Require(CheckEveryFrames >= 1, nameof(CheckEveryFrames), "must be at least 1");
        Require(SampleStep >= 1, nameof(SampleStep), "must be at least 1");
        Require(BlockedMaxVariance >= 0, nameof(BlockedMaxVariance), "must not be negative");
        Require(BlockedMaxMean is >= 0 and <= 255, nameof(BlockedMaxMean), "must be 0 to 255");
        Require(BaselineChecks >= 1, nameof(BaselineChecks), "must be at least 1");
        Require(FocusMinRatio is > 0 and < 1, nameof(FocusMinRatio), "must be between 0 and 1");
        Require(ExposureMaxShift > 0, nameof(ExposureMaxShift), "must be positive");
        Require(BaselineAdaptation is >= 0 and <= 1, nameof(BaselineAdaptation), "must be 0 to 1");
    }

    private static void Require(bool ok, string name, string rule)
    {
        if (!ok)
        {
            throw new ArgumentException($"Camera health setting {name} {rule}.", name);
        }
    }
}
