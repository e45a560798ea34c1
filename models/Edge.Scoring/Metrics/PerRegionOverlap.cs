namespace Edge.Scoring.Metrics;

/// <summary>
/// MVTec AD's per-region overlap (PRO; Bergmann et al., "The MVTec Anomaly Detection Dataset", IJCV 2021). Each
/// connected ground-truth region (8-connectivity) of each image is one region; at a threshold t (a pixel is flagged
/// when its score is at least t), a region's overlap is the share of its pixels flagged, and PRO(t) is the mean overlap
/// over all regions of all images. The false-positive rate FPR(t) is the share of flagged pixels among all normal
/// pixels (outside every region, normal images included). <see cref="NormalizedArea"/> is the area under PRO as a
/// function of FPR from 0 to a limit (0.3 by convention), divided by the limit: 1 is perfect, and a map that ranks
/// pixels at random gets about limit / 2. It follows the MVTec reference code: every distinct score is a threshold,
/// the curve runs from (0, 0) to (1, 1), and the trapezoid at the limit is interpolated linearly.
/// </summary>
public static class PerRegionOverlap
{
    public const double DefaultFalsePositiveLimit = 0.3;

    /// <summary>
    /// The normalized area under the PRO curve up to <paramref name="falsePositiveLimit"/>, over images of
    /// <paramref name="width"/> x <paramref name="height"/> with their score maps and masks (true = defect);
    /// null when there is no region or no normal pixel.
    /// </summary>
    public static double? NormalizedArea(
        IReadOnlyList<float[]> maps, IReadOnlyList<bool[]> masks, int width, int height, double falsePositiveLimit = DefaultFalsePositiveLimit)
    {
        ArgumentNullException.ThrowIfNull(maps);
        return NormalizedArea(maps, masks, Enumerable.Repeat((width, height), maps.Count).ToArray(), falsePositiveLimit);
    }

    /// <summary>As the other overload, for images of their own sizes (<paramref name="sizes"/>, one per map).</summary>
    public static double? NormalizedArea(
        IReadOnlyList<float[]> maps, IReadOnlyList<bool[]> masks, IReadOnlyList<(int Width, int Height)> sizes, double falsePositiveLimit = DefaultFalsePositiveLimit)
    {
        ArgumentNullException.ThrowIfNull(maps);
        ArgumentNullException.ThrowIfNull(masks);
        ArgumentNullException.ThrowIfNull(sizes);
        if (maps.Count != masks.Count || maps.Count != sizes.Count)
        {
            throw new ArgumentException($"{maps.Count} maps but {masks.Count} masks and {sizes.Count} sizes.");
        }
        if (falsePositiveLimit is <= 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(falsePositiveLimit), falsePositiveLimit, "must be in (0, 1]");
        }
        var scores = new float[sizes.Sum(z => (long)z.Width * z.Height)];
        // Each pixel's region, numbered over all images from 0; -1 for a normal pixel.
        var regionOf = new int[scores.Length];
        var areas = new List<int>();
        var labels = Array.Empty<int>();
        long normal = 0, offset = 0;
        for (var i = 0; i < maps.Count; i++)
        {
            var (width, height) = sizes[i];
            var pixels = width * height;
            if (maps[i].Length != pixels || masks[i].Length != pixels)
            {
                throw new ArgumentException($"Image {i}: a {width}x{height} map and mask need {pixels} values.");
            }
            if (labels.Length < pixels)
            {
                labels = new int[pixels];
            }
            var first = areas.Count;
            var count = ConnectedRegions.Label(masks[i], width, height, labels.AsSpan(0, pixels));
            areas.AddRange(new int[count]);
            maps[i].CopyTo(scores, offset);
            for (var p = 0; p < pixels; p++)
            {
                var region = labels[p] == 0 ? -1 : first + labels[p] - 1;
                regionOf[offset + p] = region;
                if (region < 0)
                {
                    normal++;
                }
                else
                {
                    areas[region]++;
                }
            }
            offset += pixels;
        }
        if (areas.Count == 0 || normal == 0)
        {
            return null;
        }
        Array.Sort(scores, regionOf);
        // Walk thresholds from the highest score down; one curve point after each run of equal scores.
        var curve = new List<(double Fpr, double Pro)> { (0, 0) };
        double falsePositives = 0, overlap = 0;
        for (var i = scores.Length - 1; i >= 0; i--)
        {
            var region = regionOf[i];
            if (region < 0)
            {
                falsePositives++;
            }
            else
            {
                overlap += 1.0 / areas[region];
            }
            if (i == 0 || scores[i - 1] != scores[i])
            {
                curve.Add((Math.Min(1, falsePositives / normal), Math.Min(1, overlap / areas.Count)));
            }
        }
        curve.Add((1, 1));
        return AreaUpTo(curve, falsePositiveLimit) / falsePositiveLimit;
    }

    /// <summary>Trapezoid area under a curve with non-decreasing x from x = 0 to <paramref name="limit"/>, interpolating at the limit.</summary>
    private static double AreaUpTo(List<(double X, double Y)> curve, double limit)
    {
        var area = 0.0;
        for (var i = 1; i < curve.Count; i++)
        {
            var (x0, y0) = curve[i - 1];
            var (x1, y1) = curve[i];
            if (x1 <= limit)
            {
                area += 0.5 * (y0 + y1) * (x1 - x0);
                continue;
            }
            if (x0 < limit)
            {
                var yAtLimit = y0 + (y1 - y0) * (limit - x0) / (x1 - x0);
                area += 0.5 * (y0 + yAtLimit) * (limit - x0);
            }
            break;
        }
        return area;
    }
}
