using System.Text.Json.Serialization;

namespace Edge.Trainer.Model;

/// <summary>
/// The shape of a patch-aware VQ auto-encoder (METHOD.md section 2) and how it is trained. The same record
/// builds the libtorch training model and the exported ONNX graphs, so the two cannot drift apart.
/// See trainer/MODEL.md for the layer-by-layer layout and the weight names.
/// </summary>
public sealed record PvqaeConfig
{
    /// <summary>Input width and height in pixels; a multiple of 16 (four stride-2 stages).</summary>
    public int ImageSize { get; init; } = 64;

    public int ImageChannels { get; init; } = 3;

    /// <summary>Channels of the first encoder stage; later stages use 2x and 4x.</summary>
    public int BaseWidth { get; init; } = 16;

    /// <summary>Resolution levels with their own codebooks (METHOD.md: the last three stages, /4, /8, /16).</summary>
    public int Levels { get; init; } = 3;

    public int EmbeddingDim { get; init; } = 32;

    /// <summary>Codes per level's codebook.</summary>
    public int CodebookSize { get; init; } = 64;

    /// <summary>Hidden units of the routing MLP.</summary>
    public int RoutingHidden { get; init; } = 32;

    /// <summary>
    /// Latents and codes on the unit sphere: the encoder's projections are L2-normalized per cell and so are the codes,
    /// so a squared distance lies in [0, 4] whatever the weights do. Without it the latents' scale is free, and on real
    /// images it drifted until one step's distances reached thousands (the vq loss at 47,000) and the run was lost;
    /// the codebook also collapsed to one to three codes of 64. Normalized codes (as in ViT-VQGAN) keep most codes in use.
    /// </summary>
    public bool NormalizedCodes { get; init; } = true;

    /// <summary>Multi-head self-attention at the coarsest encoder stage and at the decoder's input.</summary>
    public bool Attention { get; init; }

    public int AttentionHeads { get; init; } = 4;

    /// <summary>Plain VQ-VAE: routing fixed to the finest level, no budget loss, no prior (the baseline of every comparison).</summary>
    public bool PlainVq { get; init; }

    /// <summary>Width of the budget prior transformer's token embedding.</summary>
    public int PriorWidth { get; init; } = 32;

    public int PriorHeads { get; init; } = 4;

    /// <summary>Product classes (the prior's CLS tokens).</summary>
    public int ClassCount { get; init; } = 1;

    /// <summary>
    /// One CLS token for every product class (METHOD.md section 2's "universal prior" ablation): the prior learns one
    /// allocation for all products. The exported prior still takes any class id and gives each the same token.
    /// </summary>
    public bool UniversalPrior { get; init; }

    [JsonIgnore]
    public int CoarsestGrid => ImageSize / 16;

    [JsonIgnore]
    public int FinestGrid => ImageSize / 4;

    /// <summary>Grid side of level <paramref name="level"/> (0 = finest, /4).</summary>
    public int GridOf(int level) => ImageSize / (4 << level);

    /// <summary>Tokens the prior sees: one per coarsest cell.</summary>
    [JsonIgnore]
    public int TokenCount => CoarsestGrid * CoarsestGrid;

    public void Validate()
    {
        if (ImageSize < 32 || ImageSize % 16 != 0)
        {
            throw new ArgumentException($"imageSize must be a multiple of 16, at least 32 (got {ImageSize}).");
        }
        if (ImageChannels is not (1 or 3))
        {
            throw new ArgumentException($"imageChannels must be 1 or 3 (got {ImageChannels}).");
        }
        if (Levels != 3)
        {
            throw new ArgumentException($"levels must be 3: the encoder's /4, /8 and /16 stages (got {Levels}).");
        }
        if (BaseWidth < 4 || EmbeddingDim < 2 || CodebookSize < 2 || RoutingHidden < 1 || PriorWidth < 4)
        {
            throw new ArgumentException("baseWidth >= 4, embeddingDim >= 2, codebookSize >= 2, routingHidden >= 1 and priorWidth >= 4 are required.");
        }
        if (Attention && (4 * BaseWidth) % AttentionHeads != 0)
        {
            throw new ArgumentException($"attentionHeads ({AttentionHeads}) must divide the coarsest stage's width ({4 * BaseWidth}).");
        }
        if (PriorWidth % PriorHeads != 0)
        {
            throw new ArgumentException($"priorHeads ({PriorHeads}) must divide priorWidth ({PriorWidth}).");
        }
        if (ClassCount < 1)
        {
            throw new ArgumentException($"classCount must be at least 1 (got {ClassCount}).");
        }
    }
}
