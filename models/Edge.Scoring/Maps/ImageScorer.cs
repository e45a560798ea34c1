namespace Edge.Scoring.Maps;

/// <summary>
/// The last steps from a defect map to an image score, in the order the seeds give them: pixels outside the
/// regions of interest are set to 0 (no evidence) BEFORE the map is smoothed, so a hot pixel outside cannot bleed into
/// the region; then the Gaussian smoothing; then the image score by the manifest's rule (the maximum, or a quantile)
/// over the pixels inside. After <see cref="Score"/> the map holds the smoothed values inside and 0 outside (what the
/// box, the heatmap and pixel metrics read). Allocates only in its constructor (the quantile sorts a copy in its own
/// buffer); one instance per thread.
/// </summary>
public sealed class ImageScorer
{
    private readonly GaussianBlur _smoothing;
    private readonly float[] _scratch;
    private readonly double? _quantile;

    /// <param name="smoothingSigma">Gaussian smoothing of the map, in pixels (0 = none).</param>
    /// <param name="quantile">Image score: the map's maximum (null) or this quantile of its pixels, in (0, 1].</param>
    public ImageScorer(int width, int height, float smoothingSigma, double? quantile)
    {
        if (quantile is <= 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(quantile), quantile, "an image-score quantile is in (0, 1]");
        }
        Width = width;
        Height = height;
        _quantile = quantile;
        _smoothing = new GaussianBlur(width, height, smoothingSigma);
        _scratch = new float[width * height];
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>
    /// Masks <paramref name="map"/> to <paramref name="inside"/> (one flag per pixel; empty = every pixel counts), smooths
    /// it in place and returns the image score; 0 when no pixel is inside. A NaN anywhere inside gives NaN (a broken model
    /// must not look quiet).
    /// </summary>
    public float Score(Span<float> map, ReadOnlySpan<bool> inside)
    {
        var length = Width * Height;
        MapOps.Require(map, length, nameof(map));
        var pixels = map[..length];
        var everything = inside.IsEmpty;
        if (!everything && inside.Length != length)
        {
            throw new ArgumentException($"The region mask has {inside.Length} flags; the map has {length} pixels.", nameof(inside));
        }
        if (!everything)
        {
            Mask(pixels, inside);
        }
        _smoothing.Apply(pixels);
        if (!everything)
        {
            // What bled out of the region is no evidence either: outside stays 0 for the box and the heatmap.
            Mask(pixels, inside);
        }
        var count = 0;
        if (everything)
        {
            if (_quantile is null)
            {
                return MapOps.Max(pixels);
            }
            pixels.CopyTo(_scratch);
            count = length;
        }
        else
        {
            for (var i = 0; i < length; i++)
            {
                if (inside[i])
                {
                    _scratch[count++] = pixels[i];
                }
            }
            if (count == 0)
            {
                return 0f;
            }
            if (_quantile is null)
            {
                return MapOps.Max(_scratch.AsSpan(0, count));
            }
        }
        var sorted = _scratch.AsSpan(0, count);
        sorted.Sort();
        return Metrics.ScoreStatistics.Quantile(sorted, _quantile.Value);
    }

    private static void Mask(Span<float> pixels, ReadOnlySpan<bool> inside)
    {
        for (var i = 0; i < pixels.Length; i++)
        {
            if (!inside[i])
            {
                pixels[i] = 0f;
            }
        }
    }
}
