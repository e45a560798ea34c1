namespace Edge.Bundles.Manifest;

/// <summary>The input and output names of the bundle's graphs: the contract between exporter, evaluator and agent.</summary>
public static class GraphNames
{
    public const string Image = "image";
    public const string RoutingLogits = "routing_logits";
    public const string Routing = "routing";
    public const string Reconstruction = "reconstruction";
    public const string Tokens = "tokens";
    public const string ClassId = "class_id";
    public const string PriorProbabilities = "prior_probs";

    /// <summary>Encoder output / codebook input of level <paramref name="level"/> (0 = finest).</summary>
    public static string Latent(int level) => $"z{level}";

    public static string Indices(int level) => $"indices{level}";

    public static string Quantized(int level) => $"quantized{level}";

    /// <summary>Squared distance of each latent cell to its nearest code: METHOD.md section 3's alignment map.</summary>
    public static string Distance(int level) => $"distance{level}";
}
