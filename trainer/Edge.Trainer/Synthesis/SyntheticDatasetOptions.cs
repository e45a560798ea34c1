namespace Edge.Trainer.Synthesis;

/// <summary>What <c>edge-train synth</c> writes: the kind of products, how many images and the seed that fixes them all.</summary>
public sealed record SyntheticDatasetOptions
{
    public SyntheticKind Kind { get; init; } = SyntheticKind.Textures;

    /// <summary>Normal training images per product class.</summary>
    public int TrainCount { get; init; } = 60;

    /// <summary>Test images per product class for "good" and for each defect kind.</summary>
    public int TestCountPerKind { get; init; } = 8;

    /// <summary>Width and height of every image, in pixels.</summary>
    public int ImageSize { get; init; } = 128;

    public int Seed { get; init; } = 1;

    public void Validate()
    {
        if (TrainCount < 1)
        {
            throw new ArgumentException($"--count must be at least 1 (got {TrainCount}).");
        }
        if (TestCountPerKind < 1)
        {
            throw new ArgumentException($"--test-count must be at least 1 (got {TestCountPerKind}).");
        }
        if (ImageSize is < 32 or > 2048)
        {
            throw new ArgumentException($"--size must be 32..2048 pixels (got {ImageSize}).");
        }
    }
}
