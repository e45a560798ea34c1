using System.Text.Json;
using Edge.Bundles.Json;

namespace Edge.Bundles.Manifest;

/// <summary>
/// Everything the scoring code needs to turn graph outputs into anomaly maps and image scores, so that the
/// trainer's evaluation and the device compute exactly the same numbers. The section matching
/// <see cref="Method"/> is required: <see cref="Budget"/> and <see cref="Reconstruction"/> for
/// budget-x-recon, <see cref="Reconstruction"/> for recon-only, <see cref="InnerMetrics"/> for ssim-x-alignment.
/// </summary>
public sealed record ScoringSpec
{
    public required ScoringMethod Method { get; init; }

    /// <summary>Sigma in pixels of the Gaussian applied to the anomaly map before the image score; 0 turns it off.</summary>
    public required double SmoothingSigma { get; init; }

    public required ImageScoreReduction ImageScore { get; init; }

    /// <summary>The quantile q in (0, 1] when <see cref="ImageScore"/> is quantile; null otherwise.</summary>
    public double? Quantile { get; init; }

    public BudgetScoringSpec? Budget { get; init; }

    public ReconstructionScoringSpec? Reconstruction { get; init; }

    public InnerMetricsSpec? InnerMetrics { get; init; }

    internal static ScoringSpec Read(JsonObjectReader r)
    {
        var spec = new ScoringSpec
        {
            Method = r.Enum("method", ManifestEnumNames.ScoringMethods),
            SmoothingSigma = r.Number("smoothingSigma", 0, 64),
            ImageScore = r.Enum("imageScore", ManifestEnumNames.ImageScoreReductions),
            Quantile = r.OptionalNumber("quantile", double.Epsilon, 1),
            Budget = r.OptionalObject("budget", BudgetScoringSpec.Read),
            Reconstruction = r.OptionalObject("reconstruction", ReconstructionScoringSpec.Read),
            InnerMetrics = r.OptionalObject("innerMetrics", InnerMetricsSpec.Read),
        };
        if (spec.ImageScore == ImageScoreReduction.Quantile && spec.Quantile is null)
        {
            r.Problems.Add(r.PathOf("quantile"), "is required when imageScore is \"quantile\"");
        }
        if (spec.ImageScore == ImageScoreReduction.Max && spec.Quantile is not null)
        {
            r.Problems.Add(r.PathOf("quantile"), "must be absent when imageScore is \"max\"");
        }
        var method = ManifestEnumNames.Of(ManifestEnumNames.ScoringMethods, spec.Method);
        if (spec.Method == ScoringMethod.BudgetXRecon && spec.Budget is null)
        {
            r.Problems.Add(r.PathOf("budget"), $"is required by method \"{method}\"");
        }
        if ((spec.Method is ScoringMethod.BudgetXRecon or ScoringMethod.ReconOnly) && spec.Reconstruction is null)
        {
            r.Problems.Add(r.PathOf("reconstruction"), $"is required by method \"{method}\"");
        }
        if (spec.Method == ScoringMethod.SsimXAlignment && spec.InnerMetrics is null)
        {
            r.Problems.Add(r.PathOf("innerMetrics"), $"is required by method \"{method}\"");
        }
        return spec;
    }

    internal void Write(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteString("method", ManifestEnumNames.Of(ManifestEnumNames.ScoringMethods, Method));
        w.WriteNumber("smoothingSigma", SmoothingSigma);
        w.WriteString("imageScore", ManifestEnumNames.Of(ManifestEnumNames.ImageScoreReductions, ImageScore));
        if (Quantile is { } q)
        {
            w.WriteNumber("quantile", q);
        }
        if (Budget is not null)
        {
            w.WritePropertyName("budget");
            Budget.Write(w);
        }
        if (Reconstruction is not null)
        {
            w.WritePropertyName("reconstruction");
            Reconstruction.Write(w);
        }
        if (InnerMetrics is not null)
        {
            w.WritePropertyName("innerMetrics");
            InnerMetrics.Write(w);
        }
        w.WriteEndObject();
    }
}
