namespace Edge.Torch.Modules;

/// <summary>Element-wise leaky ReLU, as a layer (nn.LeakyReLU).</summary>
public sealed class LeakyReLU : Layer
{
    public LeakyReLU(double negativeSlope = 0.01)
    {
        NegativeSlope = negativeSlope;
    }

    public double NegativeSlope { get; }

    public override Tensor Forward(Tensor input) => Functional.LeakyRelu(input, NegativeSlope);
}
