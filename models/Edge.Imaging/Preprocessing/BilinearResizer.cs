namespace Edge.Imaging.Preprocessing;

/// <summary>
/// Bilinear resizing of 8-bit images to one fixed size, any layout, into a caller's image. Half-pixel centres,
/// no antialiasing (the same sampling as <see cref="FramePreprocessor"/>). Buffers are allocated once, in the
/// constructor; <see cref="Resize"/> allocates nothing. Not thread-safe: one instance per thread.
/// </summary>
public sealed class BilinearResizer
{
    private readonly BilinearRows rows;

    public BilinearResizer(int targetWidth, int targetHeight)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(targetWidth);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(targetHeight);
        rows = new BilinearRows(targetWidth, targetHeight);
    }

    public int TargetWidth => rows.TargetWidth;

    public int TargetHeight => rows.TargetHeight;

    /// <summary>Resizes <paramref name="source"/> into <paramref name="destination"/>: target size, same layout. Values round to nearest.</summary>
    public void Resize(ImageView source, Image destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        if (destination.Width != TargetWidth || destination.Height != TargetHeight || destination.Layout != source.Layout)
        {
            throw new ArgumentException(
                $"The destination must be {TargetWidth}x{TargetHeight} {source.Layout}; it is {destination.Width}x{destination.Height} {destination.Layout}.",
                nameof(destination));
        }
        rows.Begin(source);
        var width = TargetWidth;
        var channels = source.Channels;
        for (var y = 0; y < TargetHeight; y++)
        {
            var weight = rows.RowsFor(source, y, out var top, out var bottom);
            var output = destination.Row(y);
            for (var c = 0; c < channels; c++)
            {
                var upper = top.Slice(c * width, width);
                var lower = bottom.Slice(c * width, width);
                for (var x = 0; x < width; x++)
                {
                    output[x * channels + c] = (byte)(upper[x] + (lower[x] - upper[x]) * weight + 0.5f);
                }
            }
        }
    }
}
