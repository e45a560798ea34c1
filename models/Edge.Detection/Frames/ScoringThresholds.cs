using Edge.Bundles.Manifest;

namespace Edge.Detection.Frames;

/// <summary>The thresholds a frame is judged by: image (alarm when the score is over it) and pixel (the defect's box).</summary>
/// <param name="Image">Null: the bundle is not calibrated and no threshold is configured; such a scorer scores but does not judge.</param>
/// <param name="Pixel">Null only when <paramref name="Image"/> is null.</param>
public readonly record struct ScoringThresholds(double? Image, double? Pixel)
{
    /// <summary>
    /// The thresholds of one product class: the manifest's own for that class where <c>thresholds.perClass</c> has it,
    /// else the pooled ones; a configured image threshold (<paramref name="imageOverride"/>) wins over both. The pixel
    /// threshold falls back to the image threshold in force when the bundle has none.
    /// </summary>
    public static ScoringThresholds For(BundleManifest manifest, string className, double? imageOverride)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var calibrated = manifest.Thresholds;
        double? image = calibrated?.Image, pixel = calibrated?.Pixel;
        if (calibrated?.PerClass is { } perClass && perClass.TryGetValue(className, out var own))
        {
            (image, pixel) = (own.Image, own.Pixel);
        }
        image = imageOverride ?? image;
        return new ScoringThresholds(image, pixel ?? image);
    }
}
