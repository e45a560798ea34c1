using Edge.Imaging;

namespace Edge.Detection.Frames;

/// <summary>What a <see cref="FrameScorer"/> made of one frame.</summary>
/// <param name="Score">The image score within the ROI, by the manifest's rule; NaN if the model gave NaN.</param>
/// <param name="Threshold">The image threshold in force; null when the bundle is uncalibrated and none is configured.</param>
/// <param name="Anomalous">Score strictly over the threshold; null without a threshold.</param>
/// <param name="Box">The ROI region over the pixel threshold (or around the highest pixel when none is), in frame pixels.</param>
public readonly record struct FrameScore(float Score, double? Threshold, bool? Anomalous, PixelRect Box);
