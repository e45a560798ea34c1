namespace Edge.Imaging.Preprocessing;

/// <summary>
/// For each output position along one axis, the two source positions and the weight of the second:
/// output = source[First] + (source[Second] - source[First]) * Weight.
/// Half-pixel centres without antialiasing, as torch.nn.functional.interpolate(mode="bilinear",
/// align_corners=False) and OpenCV's INTER_LINEAR: source = (output + 0.5) * sourceLength / outputLength - 0.5,
/// clamped to the first and last sample.
/// </summary>
internal sealed class BilinearTaps
{
    private int computedFor = -1;
    private int computedStep = -1;

    public BilinearTaps(int outputLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outputLength);
        First = new int[outputLength];
        Second = new int[outputLength];
        Weight = new float[outputLength];
    }

    public int OutputLength => First.Length;

    /// <summary>Source index of the first tap, times the step given to <see cref="Compute"/>.</summary>
    public int[] First { get; }

    public int[] Second { get; }

    public float[] Weight { get; }

    /// <summary>Fills the taps for <paramref name="sourceLength"/> samples; <paramref name="step"/> scales the indices (channels per pixel). Allocates nothing.</summary>
    public void Compute(int sourceLength, int step)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sourceLength);
        if (sourceLength == computedFor && step == computedStep)
        {
            return;
        }
        var scale = (double)sourceLength / OutputLength;
        var last = sourceLength - 1;
        for (var i = 0; i < OutputLength; i++)
        {
            var position = Math.Max((i + 0.5) * scale - 0.5, 0.0);
            var first = Math.Min((int)position, last);
            var second = Math.Min(first + 1, last);
            First[i] = first * step;
            Second[i] = second * step;
            Weight[i] = first == second ? 0f : (float)(position - first);
        }
        computedFor = sourceLength;
        computedStep = step;
    }
}
