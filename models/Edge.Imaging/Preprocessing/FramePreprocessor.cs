namespace Edge.Imaging.Preprocessing;

/// <summary>
/// Turns a camera frame into the model's input: optional crop, bilinear resize to the model's size, interleaved
/// 8-bit gray or RGB (alpha ignored) to planar float32 CHW, per-channel normalization; all in one pass into the
/// caller's buffer. Every buffer is allocated in the constructor: <see cref="Run(ImageView, Span{float})"/>
/// allocates nothing. Not thread-safe: one instance per thread (it keeps row buffers between calls).
/// </summary>
public sealed class FramePreprocessor
{
    private readonly BilinearRows rows;
    private readonly float[] scale;
    private readonly float[] bias;

    public FramePreprocessor(PreprocessOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
        rows = new BilinearRows(options.Width, options.Height);
        var normalization = options.Normalization ?? ChannelNormalization.UnitRange(options.Channels);
        scale = new float[options.Channels];
        bias = new float[options.Channels];
        for (var c = 0; c < options.Channels; c++)
        {
            scale[c] = normalization.Scale(c);
            bias[c] = normalization.Bias(c);
        }
    }

    public PreprocessOptions Options { get; }

    /// <summary>Floats one frame fills: Channels x Height x Width.</summary>
    public int OutputLength => Options.Channels * Options.Height * Options.Width;

    /// <summary>Preprocesses <paramref name="frame"/> (cropped to <see cref="PreprocessOptions.Crop"/> if set) into <paramref name="destination"/>.</summary>
    public void Run(ImageView frame, Span<float> destination) =>
        Process(Options.Crop is { } crop ? frame.Crop(crop) : frame, destination);

    /// <summary>Preprocesses the <paramref name="crop"/> region of <paramref name="frame"/>, ignoring the options' crop.</summary>
    public void Run(ImageView frame, PixelRect crop, Span<float> destination) => Process(frame.Crop(crop), destination);

    private void Process(ImageView source, Span<float> destination)
    {
        if (destination.Length < OutputLength)
        {
            throw new ArgumentException($"The destination holds {destination.Length} floats; {OutputLength} are needed.", nameof(destination));
        }
        int width = Options.Width, height = Options.Height, plane = width * height;
        var sourceIsColor = source.Layout >= PixelLayout.Rgb;
        rows.Begin(source);
        for (var y = 0; y < height; y++)
        {
            var weight = rows.RowsFor(source, y, out var top, out var bottom);
            if (Options.Channels == 1 && sourceIsColor)
            {
                RowKernels.BlendLumaNormalize(top, bottom, weight, scale[0], bias[0], destination.Slice(y * width, width));
                continue;
            }
            for (var c = 0; c < Options.Channels; c++)
            {
                // A gray frame has one plane, which feeds every output channel.
                var from = sourceIsColor ? c * width : 0;
                RowKernels.BlendNormalize(
                    top.Slice(from, width), bottom.Slice(from, width), weight, scale[c], bias[c], destination.Slice(c * plane + y * width, width));
            }
        }
    }
}
