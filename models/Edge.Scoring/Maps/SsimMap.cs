namespace Edge.Scoring.Maps;

/// <summary>
/// Per-pixel structural dissimilarity 1 - SSIM between an image and its reconstruction (seed 003, eq. 5), averaged
/// over channels, with Gaussian-weighted local statistics (sigma 1.5, reflected borders). The constants follow the
/// seed literally, c1 = 0.01 and c2 = 0.03 on [0, 1] images. The seed's SM is SSIM itself; we return 1 - SSIM so that,
/// like every map here, anomalies score high. Not thread-safe; allocates only in its constructor.
/// </summary>
public sealed class SsimMap
{
    public const float C1 = 0.01f;
    public const float C2 = 0.03f;

    private readonly float _c1, _c2;

    private readonly GaussianBlur _blur;
    private readonly float[] _muX, _muY, _xx, _yy, _xy;
    private readonly int _plane;

    /// <param name="c1">Stabilizing constant of the means term (the seed's 0.01 by default).</param>
    /// <param name="c2">Stabilizing constant of the variances term (the seed's 0.03 by default).</param>
    public SsimMap(int width, int height, float windowSigma = 1.5f, float c1 = C1, float c2 = C2)
    {
        _c1 = c1;
        _c2 = c2;
        _plane = width * height;
        _blur = new GaussianBlur(width, height, windowSigma);
        _muX = new float[_plane];
        _muY = new float[_plane];
        _xx = new float[_plane];
        _yy = new float[_plane];
        _xy = new float[_plane];
    }

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
            _blur.Apply(_muX);
            _blur.Apply(_muY);
            _blur.Apply(_xx);
            _blur.Apply(_yy);
            _blur.Apply(_xy);
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
