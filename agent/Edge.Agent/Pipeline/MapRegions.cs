using Edge.Agent.Alarms;

namespace Edge.Agent.Pipeline;

/// <summary>Reads a model-size defect map within an ROI: its highest value and the box of the pixels above a threshold.</summary>
public static class MapRegions
{
    /// <summary>
    /// The highest map value inside the ROI and, in frame pixels, the bounding box of the ROI pixels above
    /// <paramref name="pixelThreshold"/>; when none is above it, a box of one map pixel around the highest one.
    /// </summary>
    public static FrameVerdict Evaluate(ReadOnlySpan<float> map, int mapSize, RoiMask roi, double pixelThreshold)
    {
        var best = float.NegativeInfinity;
        var bestIndex = -1;
        int left = int.MaxValue, top = int.MaxValue, right = -1, bottom = -1;
        for (var i = 0; i < map.Length; i++)
        {
            if (!roi.Contains(i))
            {
                continue;
            }
            var value = map[i];
            if (value > best)
            {
                best = value;
                bestIndex = i;
            }
            if (value > pixelThreshold)
            {
                int u = i % mapSize, v = i / mapSize;
                left = Math.Min(left, u);
                right = Math.Max(right, u);
                top = Math.Min(top, v);
                bottom = Math.Max(bottom, v);
            }
        }
        if (bestIndex < 0)
        {
            // The ROI covers no map pixel: nothing in this frame may alarm.
            return new FrameVerdict(0, default);
        }
        if (right < 0)
        {
            left = right = bestIndex % mapSize;
            top = bottom = bestIndex / mapSize;
        }
        return new FrameVerdict(best, ToFrame(left, top, right, bottom, mapSize, roi.Region));
    }

    private static AlarmBox ToFrame(int left, int top, int right, int bottom, int mapSize, Imaging.PixelRect region)
    {
        var x0 = region.X + (int)Math.Floor((double)left * region.Width / mapSize);
        var y0 = region.Y + (int)Math.Floor((double)top * region.Height / mapSize);
        var x1 = region.X + (int)Math.Ceiling((double)(right + 1) * region.Width / mapSize);
        var y1 = region.Y + (int)Math.Ceiling((double)(bottom + 1) * region.Height / mapSize);
        return new AlarmBox(x0, y0, Math.Max(1, x1 - x0), Math.Max(1, y1 - y0));
    }
}
