using Edge.Bundles.Manifest;
using Edge.Scoring.Maps;

namespace Edge.Detection;

/// <summary>Reads a manifest's scoring section into the scorers' options, so every consumer scores alike.</summary>
public static class ScoringOptions
{
    /// <summary>The frame-level steps: the map's smoothing sigma and the image-score quantile (null: the maximum).</summary>
    public static (float SmoothingSigma, double? Quantile) ImageScore(BundleManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var scoring = manifest.Scoring;
        return ((float)scoring.SmoothingSigma, scoring.ImageScore == ImageScoreReduction.Quantile ? scoring.Quantile : null);
    }

    public static DefectMapOptions From(BundleManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var scoring = manifest.Scoring;
        var inner = scoring.InnerMetrics ?? new InnerMetricsSpec();
        var ssim = inner.Ssim;
        return new DefectMapOptions
        {
            ImageSize = manifest.Input.Width,
            Channels = manifest.Input.Channels,
            CellGrid = manifest.Input.Width / manifest.Architecture.DownsampleFactors[0],
            Dilation = inner.DilationSize,
            DilateSsim = inner.DilateSsim,
            MeanOverChannels = scoring.Reconstruction?.ChannelReduction == ChannelReduction.Mean,
            ProbabilityFloor = (float)(scoring.Budget?.ProbabilityFloor ?? 1e-6),
            SsimWindow = new SsimWindow(ssim.Window == SsimWindowKind.Gaussian, ssim.WindowSize, (float)ssim.Sigma),
            SsimC1 = SsimMap.Constant(ssim.K1, ssim.DataRange),
            SsimC2 = SsimMap.Constant(ssim.K2, ssim.DataRange),
        };
    }
}
