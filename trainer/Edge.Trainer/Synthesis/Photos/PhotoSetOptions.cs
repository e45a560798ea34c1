namespace Edge.Trainer.Synthesis.Photos;

/// <summary>How a data set is cut from photographs: crop size, how many crops of each split, the held-out share and the seed.</summary>
public sealed record PhotoSetOptions
{
    /// <summary>Width and height of every crop, in pixels of the scaled photograph.</summary>
    public int CropSize { get; init; } = 128;

    /// <summary>Normal training crops (<c>train/good/</c>).</summary>
    public int TrainCount { get; init; } = 80;

    /// <summary>Normal test crops (<c>test/good/</c>), from the held-out part.</summary>
    public int TestGoodCount { get; init; } = 20;

    /// <summary>Test crops per defect kind, from the held-out part.</summary>
    public int TestCountPerKind { get; init; } = 10;

    /// <summary>Share of the photograph's tiles held out for the test crops (0.1 to 0.6).</summary>
    public double HeldOutShare { get; init; } = 0.3;

    /// <summary>
    /// A photograph is shrunk by the largest whole factor that keeps its shorter side at least this long, so that a
    /// crop holds a similar share of any photograph whatever the camera's resolution.
    /// </summary>
    public int ShortSide { get; init; } = 512;

    public int Seed { get; init; } = 1;

    public void Validate()
    {
        if (CropSize is < 32 or > 1024)
        {
            throw new ArgumentException($"cropSize must be 32..1024 pixels (got {CropSize}).");
        }
        if (TrainCount < 1 || TestGoodCount < 1 || TestCountPerKind < 1)
        {
            throw new ArgumentException($"trainCount, testGoodCount and testCountPerKind must be at least 1 (got {TrainCount}, {TestGoodCount}, {TestCountPerKind}).");
        }
        if (HeldOutShare is < 0.1 or > 0.6 || double.IsNaN(HeldOutShare))
        {
            throw new ArgumentException($"heldOutShare must be 0.1..0.6 (got {HeldOutShare}).");
        }
        if (ShortSide < CropSize)
        {
            throw new ArgumentException($"shortSide must be at least the crop size {CropSize} (got {ShortSide}).");
        }
    }
}
