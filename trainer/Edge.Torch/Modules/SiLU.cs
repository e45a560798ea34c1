namespace Edge.Torch.Modules;

/// <summary>Element-wise x · sigmoid(x) (swish), as a layer (nn.SiLU).</summary>
public sealed class SiLU : Layer
{
    public override Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return input.Silu();
    }
}
