namespace Edge.Scoring.Maps;

/// <summary>
/// Separable Gaussian smoothing with reflected borders (scipy.ndimage.gaussian_filter's "reflect" mode, kernel
/// truncated at 4 sigma). One instance per map size and sigma; <see cref="Apply"/> allocates nothing.
/// </summary>
public sealed class GaussianBlur
{
    private readonly float[] _kernel;
    private readonly float[] _scratch;
    private readonly int _width;
    private readonly int _height;

    public GaussianBlur(int width, int height, float sigma)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentOutOfRangeException.ThrowIfNegative(sigma);
        _width = width;
        _height = height;
        _scratch = new float[width * height];
        var radius = (int)(4 * sigma + 0.5f);
        _kernel = new float[2 * radius + 1];
        var sum = 0f;
        for (var i = -radius; i <= radius; i++)
        {
            var v = sigma == 0 ? (i == 0 ? 1f : 0f) : MathF.Exp(-0.5f * i * i / (sigma * sigma));
            _kernel[i + radius] = v;
            sum += v;
        }
        for (var i = 0; i < _kernel.Length; i++)
        {
            _kernel[i] /= sum;
        }
    }

    /// <summary>Smooths <paramref name="map"/> in place.</summary>
    public void Apply(Span<float> map)
    {
        MapOps.Require(map, _width * _height, nameof(map));
        var radius = _kernel.Length / 2;
        for (var y = 0; y < _height; y++)
        {
            for (var x = 0; x < _width; x++)
            {
                var sum = 0f;
                for (var k = -radius; k <= radius; k++)
                {
                    sum += _kernel[k + radius] * map[y * _width + Reflect(x + k, _width)];
                }
                _scratch[y * _width + x] = sum;
            }
        }
        for (var y = 0; y < _height; y++)
        {
            for (var x = 0; x < _width; x++)
            {
                var sum = 0f;
                for (var k = -radius; k <= radius; k++)
                {
                    sum += _kernel[k + radius] * _scratch[Reflect(y + k, _height) * _width + x];
                }
                map[y * _width + x] = sum;
            }
        }
    }

    /// <summary>scipy's "reflect": d c b a | a b c d | d c b a (the edge sample repeats).</summary>
    private static int Reflect(int i, int n)
    {
        var period = 2 * n;
        i %= period;
        if (i < 0)
        {
            i += period;
        }
        return i < n ? i : period - 1 - i;
    }
}
