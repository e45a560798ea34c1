using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

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

    private void ResizeRow(ReadOnlySpan<byte> source, float[] planes)
    {
        var width = TargetWidth;
        // The loops go through refs, skipping bounds checks (most of this pass's cost otherwise). Safe because the
        // taps rise along the row, so the last one is the largest index read, and the buffers hold MaxChannels planes.
        if (columns.Second[^1] + channels > source.Length)
        {
            throw new InvalidOperationException("The taps were computed for a wider row.");
        }
        ref var pixels = ref MemoryMarshal.GetReference(source);
        ref var output = ref MemoryMarshal.GetArrayDataReference(planes);
        ref var first = ref MemoryMarshal.GetArrayDataReference(columns.First);
        ref var second = ref MemoryMarshal.GetArrayDataReference(columns.Second);
        ref var weight = ref MemoryMarshal.GetArrayDataReference(columns.Weight);
        if (channels == 3)
        {
            // The common colour case in one pass over the row, each source pixel read once for all three planes.
            ref var green = ref Unsafe.Add(ref output, width);
            ref var blue = ref Unsafe.Add(ref output, 2 * width);
            for (var x = 0; x < width; x++)
            {
                ref var a = ref Unsafe.Add(ref pixels, Unsafe.Add(ref first, x));
                ref var b = ref Unsafe.Add(ref pixels, Unsafe.Add(ref second, x));
                var w = Unsafe.Add(ref weight, x);
                Unsafe.Add(ref output, x) = a + (b - a) * w;
                Unsafe.Add(ref green, x) = Unsafe.Add(ref a, 1) + (Unsafe.Add(ref b, 1) - Unsafe.Add(ref a, 1)) * w;
                Unsafe.Add(ref blue, x) = Unsafe.Add(ref a, 2) + (Unsafe.Add(ref b, 2) - Unsafe.Add(ref a, 2)) * w;
            }
            return;
        }
        for (var c = 0; c < channels; c++)
        {
            ref var plane = ref Unsafe.Add(ref output, c * width);
            for (var x = 0; x < width; x++)
            {
                float a = Unsafe.Add(ref pixels, Unsafe.Add(ref first, x) + c);
                float b = Unsafe.Add(ref pixels, Unsafe.Add(ref second, x) + c);
                Unsafe.Add(ref plane, x) = a + (b - a) * Unsafe.Add(ref weight, x);
            }
        }
    }
}
