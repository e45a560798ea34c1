namespace Edge.Scoring.Maps;

/// <summary>
/// How <see cref="DefectMapScorer"/> builds maps. A bundle's manifest (scoring section) fills one,
/// so the trainer's evaluation and the device compute the same numbers.
/// </summary>
public sealed record DefectMapOptions
{
    /// <summary>Width and height of the model's input and of the map.</summary>
    public required int ImageSize { get; init; }

    /// <summary>Image channels (1 or 3).</summary>
    public required int Channels { get; init; }

    /// <summary>Largest grid side a cell map may have (the finest latent grid covers every level).</summary>
    public required int CellGrid { get; init; }

    /// <summary>Grey dilation window for the alignment map (and the SSIM map when <see cref="DilateSsim"/>), in pixels.</summary>
    public int Dilation { get; init; } = 7;

    public bool DilateSsim { get; init; } = true;

    /// <summary>Squared error averaged over channels (true) or summed (false).</summary>
    public bool MeanOverChannels { get; init; }

    /// <summary>Prior probabilities are clamped to at least this before -log.</summary>
    public float ProbabilityFloor { get; init; } = 1e-6f;

    /// <summary>SSIM's C1 = (K1 L)^2; Wang et al.'s 0.01^2 for [0, 1] images by default.</summary>
    public float SsimC1 { get; init; } = SsimMap.C1;

    /// <summary>SSIM's C2 = (K2 L)^2; Wang et al.'s 0.03^2 for [0, 1] images by default.</summary>
    public float SsimC2 { get; init; } = SsimMap.C2;

    /// <summary>The window of SSIM's local statistics; Wang et al.'s 11 x 11 Gaussian, sigma 1.5, by default.</summary>
    public SsimWindow SsimWindow { get; init; } = SsimWindow.Wang;

    public void Validate()
    {
        if (ImageSize < 1 || Channels is not (1 or 3) || CellGrid < 1 || CellGrid > ImageSize)
        {
            throw new ArgumentException($"A defect map needs a positive image size, 1 or 3 channels and a cell grid of 1..image size (got {ImageSize}, {Channels}, {CellGrid}).");
        }
        if (Dilation < 1 || ProbabilityFloor <= 0)
        {
            throw new ArgumentException("dilation >= 1 and a positive probability floor are required.");
        }
    }
}
