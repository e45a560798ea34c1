using Edge.Detection;

namespace Edge.Agent.Pipeline;

/// <summary>A loaded, canary-checked bundle and the thresholds the agent alarms with.</summary>
/// <param name="ImageThreshold">The bundle's calibrated image threshold; null for an uncalibrated bundle.</param>
/// <param name="PixelThreshold">The bundle's pixel threshold (draws the alarm box); null for an uncalibrated bundle.</param>
public sealed record ActiveModel(BundleModel Model, double? ImageThreshold, double? PixelThreshold) : IDisposable
{
    /// <summary>The bundle's version, formatted once: every scored frame carries it.</summary>
    public string Version { get; } = Model.Manifest.ModelVersion.ToString();

    /// <summary>How long the golden-input detection took when the model was loaded (what the latency budget checks).</summary>
    public TimeSpan CheckTime { get; init; }

    public void Dispose() => Model.Dispose();
}
