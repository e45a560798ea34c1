namespace Edge.Scoring.Maps;

/// <summary>
/// The window the local SSIM statistics are weighted over: a <paramref name="Size"/> x <paramref name="Size"/> square
/// of Gaussian weights with <paramref name="Sigma"/> (Wang et al. 2004: 11 x 11, sigma 1.5) or of equal weights.
/// Separable, normalized to sum 1, reflected at the borders.
/// </summary>
/// <param name="Gaussian">Gaussian weights (true) or equal weights (false, <paramref name="Sigma"/> unused).</param>
/// <param name="Size">Odd side of the square in pixels.</param>
public readonly record struct SsimWindow(bool Gaussian, int Size, float Sigma)
{
    /// <summary>Wang et al.'s window: 11 x 11 Gaussian weights, sigma 1.5.</summary>
    public static SsimWindow Wang { get; } = new(Gaussian: true, Size: 11, Sigma: 1.5f);

    /// <summary>The taps along one axis, normalized to sum 1.</summary>
    public float[] Taps()
    {
        if (Size < 1 || Size % 2 == 0 || (Gaussian && !(Sigma > 0)))
        {
            throw new ArgumentException($"An SSIM window has an odd positive size and, if Gaussian, a positive sigma (got size {Size}, sigma {Sigma}).");
        }
        return Gaussian ? SeparableFilter.GaussianKernel(Sigma, Size / 2) : Enumerable.Repeat(1f / Size, Size).ToArray();
    }
}
