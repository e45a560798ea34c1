namespace Edge.Bundles.Manifest;

/// <summary>The ONNX graphs a bundle can carry (METHOD.md section 6).</summary>
public enum BundleGraph
{
    /// <summary><c>encoder.onnx</c>: image to latent grids and routing logits.</summary>
    Encoder,

    /// <summary><c>codebook.onnx</c>: nearest-code search (indices, quantized vectors, distances).</summary>
    Codebook,

    /// <summary><c>decoder.onnx</c>: quantized grids to reconstruction.</summary>
    Decoder,

    /// <summary><c>budget_prior.onnx</c>: routing-level sequence to the prior's distribution per cell (absent for plain VQ).</summary>
    BudgetPrior,
}
