namespace Edge.Bundles.Manifest;

/// <summary>The weighting window of the local SSIM statistics.</summary>
public enum SsimWindowKind
{
    /// <summary>Gaussian weights (Wang et al. 2004: 11x11, sigma 1.5). JSON <c>"gaussian"</c>.</summary>
    Gaussian,

    /// <summary>Equal weights over a square (scikit-image's default, 7x7). JSON <c>"uniform"</c>.</summary>
    Uniform,
}
