namespace Edge.Torch.Modules;

/// <summary>Normalises over the trailing <see cref="NormalizedShape"/> dimensions (nn.LayerNorm).</summary>
public sealed class LayerNorm : Layer
{
    private readonly long[] normalizedShape;

    public LayerNorm(long[] normalizedShape, double eps = 1e-5, bool elementwiseAffine = true)
    {
        ArgumentNullException.ThrowIfNull(normalizedShape);
        this.normalizedShape = normalizedShape;
        Eps = eps;
        if (elementwiseAffine)
        {
            Weight = RegisterParameter("weight", Tensor.Ones(normalizedShape));
            Bias = RegisterParameter("bias", Tensor.Zeros(normalizedShape));
        }
    }

    public LayerNorm(long features, double eps = 1e-5, bool elementwiseAffine = true)
        : this([features], eps, elementwiseAffine)
    {
    }

    public IReadOnlyList<long> NormalizedShape => normalizedShape;

    public double Eps { get; }

    public Tensor? Weight { get; }

    public Tensor? Bias { get; }

    public override Tensor Forward(Tensor input) => Functional.LayerNorm(input, normalizedShape, Weight, Bias, Eps);
}
