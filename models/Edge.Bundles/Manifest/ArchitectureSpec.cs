using System.Text.Json;
using Edge.Bundles.Json;

namespace Edge.Bundles.Manifest;

/// <summary>The shape of the model: the levels of the hierarchy and their codebooks.</summary>
public sealed record ArchitectureSpec
{
    /// <summary>Number of resolution levels L (1 for a plain VQ-VAE).</summary>
    public required int Levels { get; init; }

    /// <summary>Codebook size K of each level, finest first; one per level.</summary>
    public required IReadOnlyList<int> CodebookSizes { get; init; }

    /// <summary>Code dimension D.</summary>
    public required int EmbeddingDim { get; init; }

    /// <summary>Input size / latent grid size of each level, finest first (e.g. 4, 8, 16); one per level.</summary>
    public required IReadOnlyList<int> DownsampleFactors { get; init; }

    /// <summary>True when routing is fixed to one level and there is no budget prior (METHOD.md baseline).</summary>
    public required bool PlainVq { get; init; }

    /// <summary>The coarsest level's factor: the routing and budget-prior grid is input size / this.</summary>
    public int CoarsestFactor => DownsampleFactors.Count == 0 ? 1 : DownsampleFactors.Max();

    internal static ArchitectureSpec Read(JsonObjectReader r)
    {
        var spec = new ArchitectureSpec
        {
            Levels = r.Int("levels", 1, 8),
            CodebookSizes = r.Array("codebookSizes", (e, p) => JsonObjectReader.ReadInt(e, p, r.Problems, 1, 1 << 20)),
            EmbeddingDim = r.Int("embeddingDim", 1, 65536),
            DownsampleFactors = r.Array("downsampleFactors", (e, p) => JsonObjectReader.ReadInt(e, p, r.Problems, 1, 4096)),
            PlainVq = r.Bool("plainVq"),
        };
        if (spec.Levels > 0 && spec.CodebookSizes.Count != spec.Levels)
        {
            r.Problems.Add(r.PathOf("codebookSizes"), $"needs one size per level ({spec.Levels}), found {spec.CodebookSizes.Count}");
        }
        if (spec.Levels > 0 && spec.DownsampleFactors.Count != spec.Levels)
        {
            r.Problems.Add(r.PathOf("downsampleFactors"), $"needs one factor per level ({spec.Levels}), found {spec.DownsampleFactors.Count}");
        }
        for (var i = 1; i < spec.DownsampleFactors.Count; i++)
        {
            if (spec.DownsampleFactors[i] <= spec.DownsampleFactors[i - 1])
            {
                r.Problems.Add(JsonPaths.Index(r.PathOf("downsampleFactors"), i), "factors must increase from the finest level to the coarsest");
            }
        }
        return spec;
    }

    internal void Write(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteNumber("levels", Levels);
        w.WriteInts("codebookSizes", CodebookSizes);
        w.WriteNumber("embeddingDim", EmbeddingDim);
        w.WriteInts("downsampleFactors", DownsampleFactors);
        w.WriteBoolean("plainVq", PlainVq);
        w.WriteEndObject();
    }
}
