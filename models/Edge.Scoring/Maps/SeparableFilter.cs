using System.Numerics;

namespace Edge.Scoring.Maps;

/// <summary>
/// A separable filter with a symmetric odd kernel (the same taps along rows and columns) and reflected borders
/// (scipy.ndimage's "reflect" mode: the edge sample repeats). One instance per map size and kernel; <see cref="Apply"/>
/// allocates nothing. The borders are resolved once (tables of reflected column and row indices) so the inner loops are
/// plain SIMD multiply-adds: the map smoothing and the SSIM window run through it on every frame of every camera.
/// </summary>
public sealed class SeparableFilter
{
    private readonly float[] _kernel;
    private readonly float[] _scratch;
    private readonly float[] _padded;
    private readonly int[] _rows;
    private readonly int[] _columns;
    private readonly int _width;
    private readonly int _height;
    private readonly int _radius;

    /// <param name="kernel">The taps, odd in number and centred on the output pixel; used as given (normalize them first).</param>
    public SeparableFilter(int width, int height, ReadOnlySpan<float> kernel)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        if (kernel.Length % 2 == 0)
        {
            throw new ArgumentException($"A centred kernel has an odd number of taps, not {kernel.Length}.", nameof(kernel));
        }
        _width = width;
        _height = height;
        _kernel = kernel.ToArray();
        _radius = kernel.Length / 2;
        _scratch = new float[width * height];
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

    /// <summary>The taps along one axis.</summary>
    public ReadOnlySpan<float> Kernel => _kernel;

    /// <summary>Filters <paramref name="map"/> (width x height, row-major) in place.</summary>
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

    /// <summary>Gaussian taps exp(-i^2 / (2 sigma^2)) for i = -radius..radius, normalized to sum 1; sigma 0 is the identity.</summary>
    public static float[] GaussianKernel(float sigma, int radius)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sigma);
        ArgumentOutOfRangeException.ThrowIfNegative(radius);
        var kernel = new float[2 * radius + 1];
        var sum = 0f;
        for (var i = -radius; i <= radius; i++)
        {
            var v = sigma == 0 ? (i == 0 ? 1f : 0f) : MathF.Exp(-0.5f * i * i / (sigma * sigma));
            kernel[i + radius] = v;
            sum += v;
        }
        for (var i = 0; i < kernel.Length; i++)
        {
            kernel[i] /= sum;
        }
        return kernel;
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
