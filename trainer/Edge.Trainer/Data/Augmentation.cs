namespace Edge.Trainer.Data;

/// <summary>Random changes applied to training images only: flips, a small colour jitter, and random crops.</summary>
public sealed record Augmentation
{
    public static Augmentation None { get; } = new() { HorizontalFlip = false, VerticalFlip = false, ColorJitter = 0f, MinCropScale = 1f };

    public bool HorizontalFlip { get; init; } = true;

    public bool VerticalFlip { get; init; }

    /// <summary>Maximum relative change of brightness and contrast (0.05 = up to 5%).</summary>
    public float ColorJitter { get; init; } = 0.05f;

    /// <summary>Smallest side of a random crop, as a fraction of the image side (1 = no cropping).</summary>
    public float MinCropScale { get; init; } = 0.9f;

    /// <summary>
    /// Tiled training (native resolution): every sample is a random square of this many source pixels, resized to the
    /// model's input, so the model sees the frame at the scale the device tiles it at. Null: the whole image.
    /// Applies with or without the other augmentations.
    /// </summary>
    public int? TileSourceSide { get; init; }

    public void Validate()
    {
        if (ColorJitter is < 0f or > 0.5f)
        {
            throw new ArgumentException($"Color jitter must be 0..0.5 (got {ColorJitter}).");
        }
        if (MinCropScale is <= 0.25f or > 1f)
        {
            throw new ArgumentException($"Minimum crop scale must be in (0.25, 1] (got {MinCropScale}).");
        }
    }
}
