namespace Edge.Torch.Modules;

/// <summary>Element-wise GELU, exact or with the tanh approximation, as a layer (nn.GELU).</summary>
public sealed class GELU : Layer
{
    public GELU(bool tanhApproximation = false)
    {
        TanhApproximation = tanhApproximation;
    }

    public bool TanhApproximation { get; }

    public override Tensor Forward(Tensor input) => Functional.Gelu(input, TanhApproximation);
}
