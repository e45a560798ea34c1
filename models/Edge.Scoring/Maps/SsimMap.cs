namespace Edge.Scoring.Maps;

/// <summary>
/// Per-pixel structural dissimilarity 1 - SSIM between an image and its reconstruction (seed 003, eq. 5), averaged
/// over channels: SSIM = (2 mu_x mu_y + C1)(2 sigma_xy + C2) / ((mu_x^2 + mu_y^2 + C1)(sigma_x^2 + sigma_y^2 + C2)) with
/// the local means, variances and covariance weighted over an <see cref="SsimWindow"/> (population statistics, no
/// sample correction). Seed 003 writes "c1 = 0.01, c2 = 0.03" citing Wang et al. (2004), whose K1 = 0.01 and
/// K2 = 0.03 give C1 = (K1 L)^2 and C2 = (K2 L)^2 for the data range L: that is the default here (L = 1 for [0, 1]
/// images). The seed's SM is SSIM itself; we return 1 - SSIM so that, like every map here, anomalies score high.
/// Not thread-safe; allocates only in its constructor.
/// </summary>
public sealed class SsimMap
{
    public const float K1 = 0.01f;
    public const float K2 = 0.03f;

    /// <summary>Wang's C1 = (K1 L)^2 for L = 1.</summary>
    public const float C1 = K1 * K1;

    /// <summary>Wang's C2 = (K2 L)^2 for L = 1.</summary>
    public const float C2 = K2 * K2;

    private readonly float _c1, _c2;

    private readonly SeparableFilter _window;
    private readonly float[] _muX, _muY, _xx, _yy, _xy;
    private readonly int _plane;

    /// <summary>Wang et al.'s SSIM on [0, 1] images: the 11 x 11 Gaussian window with sigma 1.5, C1 = 0.01^2, C2 = 0.03^2.</summary>
    public SsimMap(int width, int height)
        : this(width, height, SsimWindow.Wang, C1, C2)
    {
    }

    /// <param name="c1">Stabilizing constant of the means term, (K1 L)^2.</param>
    /// <param name="c2">Stabilizing constant of the variances term, (K2 L)^2.</param>
    public SsimMap(int width, int height, SsimWindow window, float c1, float c2)
    {
        _c1 = c1;
        _c2 = c2;
        _plane = width * height;
        _window = new SeparableFilter(width, height, window.Taps());
        _muX = new float[_plane];
        _muY = new float[_plane];
        _xx = new float[_plane];
        _yy = new float[_plane];
        _xy = new float[_plane];
    }

    /// <summary>The stabilizing constant (K L)^2 for a K and the data range L.</summary>
    public static float Constant(double k, double dataRange) => (float)Math.Pow(k * dataRange, 2);

    /// <summary>Writes mean over channels of (1 - SSIM) into <paramref name="destination"/>; images are planar CHW in [0, 1].</summary>
    public void Compute(ReadOnlySpan<float> image, ReadOnlySpan<float> reconstruction, int channels, Span<float> destination)
    {
        MapOps.Require(image, channels * _plane, nameof(image));
        MapOps.Require(reconstruction, channels * _plane, nameof(reconstruction));
        MapOps.Require(destination, _plane, nameof(destination));
        destination[.._plane].Clear();
        for (var c = 0; c < channels; c++)
        {
            var x = image.Slice(c * _plane, _plane);
            var y = reconstruction.Slice(c * _plane, _plane);
            for (var i = 0; i < _plane; i++)
            {
                _muX[i] = x[i];
                _muY[i] = y[i];
                _xx[i] = x[i] * x[i];
                _yy[i] = y[i] * y[i];
                _xy[i] = x[i] * y[i];
            }
            _window.Apply(_muX);
            _window.Apply(_muY);
            _window.Apply(_xx);
            _window.Apply(_yy);
            _window.Apply(_xy);
            for (var i = 0; i < _plane; i++)
            {
                float mx = _muX[i], my = _muY[i];
                var vx = _xx[i] - mx * mx;
                var vy = _yy[i] - my * my;
                var cov = _xy[i] - mx * my;
                var ssim = (2 * mx * my + _c1) * (2 * cov + _c2) / ((mx * mx + my * my + _c1) * (vx + vy + _c2));
                destination[i] += (1f - ssim) / channels;
            }
        }
    }
}
