using Edge.Imaging.Preprocessing;

namespace Edge.Imaging.Heatmaps;

/// <summary>
/// Draws a float score map (an anomaly map, any size) over a frame for alarm snapshots: the map is resized
/// bilinearly to the frame (the same sampling as preprocessing), coloured with <see cref="HeatmapPalette"/> and
/// blended. Writes into a caller's RGB image; reuses its tables while the sizes stay the same.
/// Not thread-safe: one instance per thread.
/// </summary>
public sealed class HeatmapOverlay
{
    private readonly HeatmapStyle style;
    private BilinearTaps? columns;
    private BilinearTaps? rows;

    public HeatmapOverlay(HeatmapStyle? style = null)
    {
        this.style = style ?? new HeatmapStyle();
        this.style.Validate();
    }

    /// <summary>
    /// Writes <paramref name="frame"/> (gray or colour, alpha ignored) with <paramref name="map"/> (row-major,
    /// <paramref name="mapWidth"/> x <paramref name="mapHeight"/>) blended over it into <paramref name="destination"/>,
    /// an RGB image of the frame's size. <paramref name="frame"/> and <paramref name="destination"/> may be the same pixels.
    /// </summary>
    public void Render(ReadOnlySpan<float> map, int mapWidth, int mapHeight, ImageView frame, Image destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(mapWidth);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(mapHeight);
        if (map.Length < (long)mapWidth * mapHeight)
        {
            throw new ArgumentException($"The map holds {map.Length} values; {mapWidth}x{mapHeight} needs {(long)mapWidth * mapHeight}.", nameof(map));
        }
        if (destination.Layout != PixelLayout.Rgb || destination.Width != frame.Width || destination.Height != frame.Height)
        {
            throw new ArgumentException(
                $"The destination must be a {frame.Width}x{frame.Height} Rgb image; it is {destination.Width}x{destination.Height} {destination.Layout}.",
                nameof(destination));
        }
        var columnTaps = TapsFor(ref columns, frame.Width, mapWidth);
        var rowTaps = TapsFor(ref rows, frame.Height, mapHeight);
        var palette = HeatmapPalette.JetTable;
        var range = style.High - style.Low;
        var opacity = style.Opacity;
        var frameIsColor = frame.Layout >= PixelLayout.Rgb;
        var channels = frame.Channels;
        for (var y = 0; y < frame.Height; y++)
        {
            var upper = map.Slice(rowTaps.First[y] * mapWidth, mapWidth);
            var lower = map.Slice(rowTaps.Second[y] * mapWidth, mapWidth);
            var rowWeight = rowTaps.Weight[y];
            var input = frame.Row(y);
            var output = destination.Row(y);
            for (var x = 0; x < frame.Width; x++)
            {
                int a = columnTaps.First[x], b = columnTaps.Second[x];
                var w = columnTaps.Weight[x];
                var top = upper[a] + (upper[b] - upper[a]) * w;
                var bottom = lower[a] + (lower[b] - lower[a]) * w;
                var colour = 3 * HeatmapPalette.IndexOf((top + (bottom - top) * rowWeight - style.Low) / range);
                var pixel = input.Slice(x * channels, channels);
                for (var c = 0; c < 3; c++)
                {
                    float under = pixel[frameIsColor ? c : 0];
                    output[3 * x + c] = (byte)(under + (palette[colour + c] - under) * opacity + 0.5f);
                }
            }
        }
    }

    private static BilinearTaps TapsFor(ref BilinearTaps? taps, int outputLength, int sourceLength)
    {
        if (taps is null || taps.OutputLength != outputLength)
        {
            taps = new BilinearTaps(outputLength);
        }
        taps.Compute(sourceLength, 1);
        return taps;
    }
}
