namespace Edge.Scoring.Maps;

/// <summary>
/// Gaussian smoothing of a map with reflected borders (scipy.ndimage.gaussian_filter's "reflect" mode, kernel
/// truncated at 4 sigma): the smoothing of every defect map. One instance per map size and sigma;
/// <see cref="Apply"/> allocates nothing.
/// </summary>
public sealed class GaussianBlur
{
    private readonly SeparableFilter _filter;

    public GaussianBlur(int width, int height, float sigma)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sigma);
        _filter = new SeparableFilter(width, height, SeparableFilter.GaussianKernel(sigma, (int)(4 * sigma + 0.5f)));
    }

    /// <summary>Smooths <paramref name="map"/> in place.</summary>
    public void Apply(Span<float> map) => _filter.Apply(map);
}
