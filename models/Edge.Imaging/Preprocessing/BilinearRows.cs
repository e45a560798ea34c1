namespace Edge.Imaging.Preprocessing;

/// <summary>
/// The separable half of bilinear resizing shared by the resizer and the preprocessor: for each output row,
/// the two source rows it blends, already resized horizontally to planar floats (one plane per channel,
/// each <see cref="TargetWidth"/> long). Each source row is resized once even when two output rows use it.
/// All buffers are allocated up front; nothing is allocated per frame.
/// </summary>
internal sealed class BilinearRows
{
    private const int MaxChannels = 4;

    private readonly BilinearTaps columns;
    private readonly BilinearTaps rows;
    private float[] upper;
    private float[] lower;
    private int upperRow;
    private int lowerRow;
    private int channels;

    public BilinearRows(int targetWidth, int targetHeight)
    {
        columns = new BilinearTaps(targetWidth);
        rows = new BilinearTaps(targetHeight);
        upper = new float[targetWidth * MaxChannels];
        lower = new float[targetWidth * MaxChannels];
    }

    public int TargetWidth => columns.OutputLength;

    public int TargetHeight => rows.OutputLength;

    /// <summary>Starts a new source image (its rows are new data, so nothing cached is kept).</summary>
    public void Begin(ImageView source)
    {
        channels = source.Channels;
        columns.Compute(source.Width, channels);
        rows.Compute(source.Height, 1);
        upperRow = lowerRow = -1;
    }

    /// <summary>The two horizontally resized rows for output row <paramref name="y"/> and the weight of the lower one.</summary>
    public float RowsFor(ImageView source, int y, out ReadOnlySpan<float> top, out ReadOnlySpan<float> bottom)
    {
        int first = rows.First[y], second = rows.Second[y];
        if (first != upperRow)
        {
            if (first == lowerRow)
            {
                (upper, lower) = (lower, upper);
                (upperRow, lowerRow) = (lowerRow, upperRow);
            }
            else
            {
                ResizeRow(source.Row(first), upper);
                upperRow = first;
            }
        }
        if (second != lowerRow)
        {
            ResizeRow(source.Row(second), lower);
            lowerRow = second;
        }
        var length = TargetWidth * channels;
        top = upper.AsSpan(0, length);
        bottom = lower.AsSpan(0, length);
        return rows.Weight[y];
    }

    private void ResizeRow(ReadOnlySpan<byte> source, Span<float> planes)
    {
        var width = TargetWidth;
        ReadOnlySpan<int> first = columns.First, second = columns.Second;
        ReadOnlySpan<float> weight = columns.Weight;
        if (channels == 3)
        {
            // The common colour case in one pass, so each source pixel is touched once.
            Span<float> red = planes[..width], green = planes.Slice(width, width), blue = planes.Slice(2 * width, width);
            for (var x = 0; x < width; x++)
            {
                int a = first[x], b = second[x];
                var w = weight[x];
                red[x] = source[a] + (source[b] - source[a]) * w;
                green[x] = source[a + 1] + (source[b + 1] - source[a + 1]) * w;
                blue[x] = source[a + 2] + (source[b + 2] - source[a + 2]) * w;
            }
            return;
        }
        for (var c = 0; c < channels; c++)
        {
            var plane = planes.Slice(c * width, width);
            for (var x = 0; x < width; x++)
            {
                int a = first[x] + c, b = second[x] + c;
                plane[x] = source[a] + (source[b] - source[a]) * weight[x];
            }
        }
    }
}
