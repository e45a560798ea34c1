using Edge.Imaging;

namespace Edge.Detection.Frames;

/// <summary>Where a frame's defect is: the box of the map pixels over the pixel threshold, in frame pixels.</summary>
public static class DefectBox
{
    /// <summary>
    /// In frame pixels, the bounding box of the ROI pixels of <paramref name="map"/> above <paramref name="pixelThreshold"/>;
    /// when none is above it, a box of one map pixel around the highest one; when the ROI covers no map pixel, empty.
    /// </summary>
    public static PixelRect Find(ReadOnlySpan<float> map, RoiMask roi, double pixelThreshold)
    {
        ArgumentNullException.ThrowIfNull(roi);
        var width = roi.MapWidth;
        var best = float.NegativeInfinity;
        var bestIndex = -1;
        int left = int.MaxValue, top = int.MaxValue, right = -1, bottom = -1;
        for (var i = 0; i < width * roi.MapHeight; i++)
        {
            if (!roi.Contains(i))
            {
                continue;
            }
            var value = map[i];
            if (value > best || bestIndex < 0)
            {
                best = value;
                bestIndex = i;
            }
            if (value > pixelThreshold)
            {
                int u = i % width, v = i / width;
                left = Math.Min(left, u);
                right = Math.Max(right, u);
                top = Math.Min(top, v);
                bottom = Math.Max(bottom, v);
            }
        }
        if (bestIndex < 0)
        {
            return default;
        }
        if (right < 0)
        {
            left = right = bestIndex % width;
            top = bottom = bestIndex / width;
        }
        var region = roi.Region;
        var x0 = region.X + (int)Math.Floor((double)left * region.Width / width);
        var y0 = region.Y + (int)Math.Floor((double)top * region.Height / roi.MapHeight);
        var x1 = region.X + (int)Math.Ceiling((double)(right + 1) * region.Width / width);
        var y1 = region.Y + (int)Math.Ceiling((double)(bottom + 1) * region.Height / roi.MapHeight);
        return new PixelRect(x0, y0, Math.Max(1, x1 - x0), Math.Max(1, y1 - y0));
    }
}
