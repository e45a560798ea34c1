using System.Numerics;

namespace Edge.Scoring.Maps;

/// <summary>
/// Separable Gaussian smoothing with reflected borders (scipy.ndimage.gaussian_filter's "reflect" mode, kernel
/// truncated at 4 sigma). One instance per map size and sigma; <see cref="Apply"/> allocates nothing. The borders are
/// resolved once (tables of reflected column and row indices) so the inner loops are plain SIMD multiply-adds:
/// this runs on every frame of every camera.
/// </summary>
public sealed class GaussianBlur
{
    private readonly float[] _kernel;
    private readonly float[] _scratch;
    private readonly float[] _padded;
    private readonly int[] _rows;
    private readonly int[] _columns;
    private readonly int _width;
    private readonly int _height;
    private readonly int _radius;

    public GaussianBlur(int width, int height, float sigma)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentOutOfRangeException.ThrowIfNegative(sigma);
        _width = width;
        _height = height;
        _scratch = new float[width * height];
        _radius = (int)(4 * sigma + 0.5f);
        _kernel = new float[2 * _radius + 1];
        var sum = 0f;
        for (var i = -_radius; i <= _radius; i++)
        {
            var v = sigma == 0 ? (i == 0 ? 1f : 0f) : MathF.Exp(-0.5f * i * i / (sigma * sigma));
            _kernel[i + _radius] = v;
            sum += v;
        }
        for (var i = 0; i < _kernel.Length; i++)
        {
            _kernel[i] /= sum;
        }
        _padded = new float[width + 2 * _radius + Vector<float>.Count];
        // The padded row's sample i is the row's pixel _columns[i].
        _columns = new int[width + 2 * _radius];
        for (var i = 0; i < _columns.Length; i++)
        {
            _columns[i] = Reflect(i - _radius, width);
        }
        // Row y's vertical taps read rows _rows[y + k], k = 0..2r: the reflection worked out once.
        _rows = new int[height + 2 * _radius];
        for (var i = 0; i < _rows.Length; i++)
        {
            _rows[i] = Reflect(i - _radius, height) * width;
        }
    }

    /// <summary>Smooths <paramref name="map"/> in place.</summary>
    public void Apply(Span<float> map)
    {
        MapOps.Require(map, _width * _height, nameof(map));
        for (var y = 0; y < _height; y++)
        {
            var row = map.Slice(y * _width, _width);
            for (var i = 0; i < _columns.Length; i++)
            {
                _padded[i] = row[_columns[i]];
            }
            Horizontal(_scratch.AsSpan(y * _width, _width));
        }
        for (var y = 0; y < _height; y++)
        {
            Vertical(y, map.Slice(y * _width, _width));
        }
    }

    private void Horizontal(Span<float> output)
    {
        var lanes = Vector<float>.Count;
        var x = 0;
        for (; x + lanes <= _width; x += lanes)
        {
            var sum = Vector<float>.Zero;
            for (var k = 0; k < _kernel.Length; k++)
            {
                sum += new Vector<float>(_padded, x + k) * _kernel[k];
            }
            sum.CopyTo(output[x..]);
        }
        for (; x < _width; x++)
        {
            var sum = 0f;
            for (var k = 0; k < _kernel.Length; k++)
            {
                sum += _kernel[k] * _padded[x + k];
            }
            output[x] = sum;
        }
    }

    private void Vertical(int y, Span<float> output)
    {
        var lanes = Vector<float>.Count;
        var source = _scratch.AsSpan();
        var x = 0;
        for (; x + lanes <= _width; x += lanes)
        {
            var sum = Vector<float>.Zero;
            for (var k = 0; k < _kernel.Length; k++)
            {
                sum += new Vector<float>(source[(_rows[y + k] + x)..]) * _kernel[k];
            }
            sum.CopyTo(output[x..]);
        }
        for (; x < _width; x++)
        {
            var sum = 0f;
            for (var k = 0; k < _kernel.Length; k++)
            {
                sum += _kernel[k] * source[_rows[y + k] + x];
            }
            output[x] = sum;
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
