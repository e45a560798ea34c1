namespace Edge.Imaging.Preprocessing;

/// <summary>What the model wants: input size, channels (1 gray or 3 RGB), normalization, and an optional fixed crop of the frame.</summary>
public sealed record PreprocessOptions
{
    public required int Width { get; init; }

    public required int Height { get; init; }

    /// <summary>1 (gray) or 3 (RGB). A gray frame fills all three for an RGB model; an RGB frame gives BT.601 luma for a gray one.</summary>
    public int Channels { get; init; } = 3;

    /// <summary>Defaults to <see cref="ChannelNormalization.UnitRange"/> for <see cref="Channels"/>.</summary>
    public ChannelNormalization? Normalization { get; init; }

    /// <summary>Region of the frame to use (a region of interest); null uses the whole frame.</summary>
    public PixelRect? Crop { get; init; }

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first bad setting.</summary>
    public void Validate()
    {
        if (Width <= 0 || Height <= 0)
        {
            throw new ArgumentException($"{nameof(Width)} and {nameof(Height)} must be positive (got {Width}x{Height}).");
        }
        if (Channels is not (1 or 3))
        {
            throw new ArgumentException($"{nameof(Channels)} must be 1 or 3 (got {Channels}).");
        }
        if (Normalization is { } normalization && normalization.Channels != Channels)
        {
            throw new ArgumentException($"{nameof(Normalization)} has {normalization.Channels} channels; {nameof(Channels)} is {Channels}.");
        }
        if (Crop is { } crop && (crop.Width <= 0 || crop.Height <= 0 || crop.X < 0 || crop.Y < 0))
        {
            throw new ArgumentException($"{nameof(Crop)} must have a non-negative origin and a positive size (got {crop}).");
        }
    }
}
