namespace Edge.Torch.Modules;

/// <summary>Element-wise hyperbolic tangent, as a layer (nn.Tanh).</summary>
public sealed class Tanh : Layer
{
    public override Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return input.Tanh();
    }
}
